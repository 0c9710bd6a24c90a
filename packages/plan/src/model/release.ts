import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DataFormat, UpdateFrequency } from "./enums.js";

@ObjectType({ description: "One release row of the plan: what is (or was) published when, how often and in which formats." })
@Directive('@key(fields: "id")')
export class Release {
  @Field(() => ID, { description: 'Stable id, "<datasetId>@<YYYY-MM>".' })
  id!: string;

  @Field(() => String, { description: 'Row of the plan this release comes from: "A1", "C2", "D1"...' })
  planRow!: string;

  @Field(() => String, {
    description: '"YYYY-MM": the actual month for section D rows, the target month otherwise.',
  })
  month!: string;

  @Field(() => String, {
    nullable: true,
    description: '"YYYY-MM" in which the release was published, or null while no publication is recorded.',
  })
  releasedMonth!: string | null;

  @Field(() => UpdateFrequency, { description: "How often this release is updated." })
  updateFrequency!: UpdateFrequency;

  @Field(() => [DataFormat], { description: "Formats this release is published in." })
  formats!: DataFormat[];

  datasetId!: string;
  section!: string;
  descriptionZh!: string | null;
  descriptionEn!: string | null;
}
