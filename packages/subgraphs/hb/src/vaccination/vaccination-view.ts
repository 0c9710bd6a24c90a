import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ViewReference } from "../shared/view-reference.js";

export const VACCINATION_DATASET = "hb-covid19-vaccination-by-age";

@ObjectType("VaccinationByAgeView", {
  description: "COVID-19 vaccination doses by day, age group, sex, vaccine and dose number, with totals (plan row D19).",
})
@Directive('@key(fields: "datasetId")')
export class VaccinationByAgeView implements ViewReference {
  @Field(() => ID, { description: "The dataset this view types." })
  datasetId!: string;
}
