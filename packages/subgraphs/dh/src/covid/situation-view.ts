import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ViewKey } from "@hkhealth/subgraph-kit";

@ObjectType("CovidSituationView", {
  description: "The Centre for Health Protection's daily COVID-19 situation report (dataset dh-chp-covid19-situation), day by day.",
})
@Directive('@key(fields: "datasetId")')
export class CovidSituationView implements ViewKey {
  @Field(() => ID, { description: "The dataset this view reads." })
  datasetId!: string;
}
