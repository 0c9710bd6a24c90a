import { connectionType, type LazyCountConnection } from "@hkhealth/subgraph-kit";
import { Field, Int, ObjectType } from "type-graphql";
import { CovidBuilding } from "./building.js";

export const CovidBuildingConnection = connectionType(CovidBuilding, "CovidBuilding", {
  edge: "A building and its position in the list.",
  node: "The building.",
  connection: "A page of buildings, in the list's order.",
  edges: "The buildings of this page.",
});
export type CovidBuildingConnection = LazyCountConnection<CovidBuilding>;

@ObjectType({ description: "How many listed buildings a district has." })
export class CovidBuildingDistrictCount {
  @Field(() => String, { description: "District, as published." })
  district!: string;

  @Field(() => Int, { description: "Number of buildings listed in it." })
  count!: number;
}
