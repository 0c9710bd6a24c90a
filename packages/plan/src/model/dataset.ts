import { Directive, Field, ID, ObjectType } from "type-graphql";
import { AgencyCode, UpdateFrequency } from "./enums.js";

@ObjectType({ description: "A dataset named in the Open Data Plan, or registered beside it." })
@Directive('@key(fields: "id")')
export class Dataset {
  @Field(() => ID, { description: 'Stable slug, e.g. "ha-aed-waiting-time".' })
  id!: string;

  @Field(() => UpdateFrequency, { description: "How often the dataset is updated (its latest release's frequency)." })
  updateFrequency!: UpdateFrequency;

  @Field(() => String, {
    nullable: true,
    description: 'The dataset\'s name cell exactly as the plan prints it, e.g. "醫務衛生/ 急症室等候時間"; null outside the plan.',
  })
  planName!: string | null;

  @Field(() => String, { nullable: true, description: 'Category before the slash in the plan ("醫務衛生"), if any.' })
  categoryZh!: string | null;

  agencyCode!: AgencyCode;
  /** Formats of a dataset registered outside the plan; plan datasets take theirs from releases. */
  formats!: string[];
  titleZh!: string;
  titleEn!: string;
  position!: number;
}
