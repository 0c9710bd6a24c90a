import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ViewKey } from "@hkhealth/subgraph-kit";

@ObjectType("HealthFactsView", {
  description:
    "Health Facts of Hong Kong (dataset dh-health-facts): statistics on health resources, population and vital events, by year. " +
    "Where editions overlap, each year's figure is the one of the edition observed last.",
})
@Directive('@key(fields: "datasetId")')
export class HealthFactsView implements ViewKey {
  @Field(() => ID, { description: "The dataset this view reads." })
  datasetId!: string;
}
