import { DateTimeScalar, PublishedLanguage } from "@hkhealth/plan";
import { MAX_RECORD_PAGE_SIZE } from "@hkhealth/subgraph-kit";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { languageArg } from "../languages.js";

@ArgsType()
export class AedHistoryArgs {
  @Field(() => ID, { description: 'The hospital, e.g. "queen-elizabeth-hospital".' })
  hospitalId!: string;

  @Field(() => PublishedLanguage, languageArg)
  lang?: PublishedLanguage | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Waiting times observed at or after this time." })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Waiting times observed at or before this time." })
  to?: Date | null;

  @Field(() => Int, { nullable: true, description: `Page size: 1 to ${MAX_RECORD_PAGE_SIZE}, default 20.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string | null;
}
