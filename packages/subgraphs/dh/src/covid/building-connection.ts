import { PageInfo } from "@hkhealth/plan";
import { Field, Int, ObjectType } from "type-graphql";
import { CovidBuilding } from "./building.js";

@ObjectType({ description: "A building and its position in the list." })
export class CovidBuildingEdge {
  @Field(() => String, { description: "Opaque position; pass it as `after`." })
  cursor!: string;

  @Field(() => CovidBuilding, { description: "The building." })
  node!: CovidBuilding;
}

@ObjectType({ description: "A page of buildings, in the list's order." })
export class CovidBuildingConnection {
  @Field(() => [CovidBuildingEdge], { description: "The buildings of this page." })
  edges!: CovidBuildingEdge[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;

  /** Counted only when asked for. */
  countTotal!: () => Promise<number>;
}

@ObjectType({ description: "How many listed buildings a district has." })
export class CovidBuildingDistrictCount {
  @Field(() => String, { description: "District, as published." })
  district!: string;

  @Field(() => Int, { description: "Number of buildings listed in it." })
  count!: number;
}
