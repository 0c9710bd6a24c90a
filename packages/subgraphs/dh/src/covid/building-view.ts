import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ViewKey } from "@hkhealth/subgraph-kit";

@ObjectType("CovidBuildingView", {
  description: "The Centre for Health Protection's list of buildings with COVID-19 cases (dataset dh-chp-covid19-buildings): each list replaces the last.",
})
@Directive('@key(fields: "datasetId")')
export class CovidBuildingView implements ViewKey {
  @Field(() => ID, { description: "The dataset this view reads." })
  datasetId!: string;
}
