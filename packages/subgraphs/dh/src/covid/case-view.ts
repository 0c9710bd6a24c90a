import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ViewKey } from "@hkhealth/subgraph-kit";

@ObjectType("CovidCaseView", {
  description:
    "The Centre for Health Protection's list of COVID-19 cases (dataset dh-chp-covid19-cases): each case once, as the latest file lists it.",
})
@Directive('@key(fields: "datasetId")')
export class CovidCaseView implements ViewKey {
  @Field(() => ID, { description: "The dataset this view reads." })
  datasetId!: string;
}
