import { answeredBy, DatasetReference } from "@hkhealth/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType("AedWaitingTimeView", {
  description:
    "The Hospital Authority's Accident and Emergency waiting times (plan row D8) as typed objects, each linked to its directory hospital.",
})
@Directive('@key(fields: "datasetId")')
export class AedWaitingTimeView {
  @Field(() => ID, { description: 'The dataset, "ha-aed-waiting-time".' })
  datasetId!: string;

  @Field(() => DatasetReference, answeredBy("plan", "The dataset of the plan this view types."))
  dataset(): DatasetReference {
    return { id: this.datasetId };
  }
}

export function aedWaitingTimeView(datasetId: string): AedWaitingTimeView {
  return Object.assign(new AedWaitingTimeView(), { datasetId });
}
