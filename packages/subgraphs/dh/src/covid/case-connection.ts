import { PageInfo } from "@hkhealth/plan";
import { Field, ObjectType } from "type-graphql";
import { CovidCase } from "./case.js";

@ObjectType({ description: "A COVID-19 case and its position in the list." })
export class CovidCaseEdge {
  @Field(() => String, { description: "Opaque position; pass it as `after`." })
  cursor!: string;

  @Field(() => CovidCase, { description: "The case." })
  node!: CovidCase;
}

@ObjectType({ description: "A page of COVID-19 cases, in case number order." })
export class CovidCaseConnection {
  @Field(() => [CovidCaseEdge], { description: "The cases of this page." })
  edges!: CovidCaseEdge[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;

  /** Counted only when asked for. */
  countTotal!: () => Promise<number>;
}
