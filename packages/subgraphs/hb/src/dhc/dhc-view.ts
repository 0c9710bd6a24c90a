import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ViewReference } from "../shared/view-reference.js";

@ObjectType("DistrictHealthCentreView", {
  description: "The main centres of District Health Centres (plan row A1) or of DHC Expresses (plan row A2), typed.",
})
@Directive('@key(fields: "datasetId")')
export class DistrictHealthCentreView implements ViewReference {
  @Field(() => ID, { description: "The dataset this view types." })
  datasetId!: string;
}
