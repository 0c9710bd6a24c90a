import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ViewReference } from "../shared/view-reference.js";

@ObjectType("EhrssProviderView", {
  description: "Healthcare providers participating in the Electronic Health Record Sharing System (plan row D14), typed.",
})
@Directive('@key(fields: "datasetId")')
export class EhrssProviderView implements ViewReference {
  @Field(() => ID, { description: "The dataset this view types." })
  datasetId!: string;
}
