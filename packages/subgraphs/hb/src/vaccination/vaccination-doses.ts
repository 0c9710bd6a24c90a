import { DateScalar } from "@hkhealth/plan";
import { Field, Int, ObjectType } from "type-graphql";
import { connectionType, type LazyCountConnection, type RecordOrigin } from "@hkhealth/subgraph-kit";
import { Sex, Vaccine } from "./enums.js";

@ObjectType({
  description: "Doses of one vaccine and dose number given on one day to one age group and sex: one cell of the published row.",
})
export class VaccinationDoses implements RecordOrigin {
  @Field(() => DateScalar, { description: "The day the doses were given." })
  date!: string;

  @Field(() => String, { description: 'The age group, as published ("20-29", "80 and above").' })
  ageGroup!: string;

  @Field(() => Sex, { description: "Sex." })
  sex!: Sex;

  @Field(() => Vaccine, { description: "The vaccine." })
  vaccine!: Vaccine;

  @Field(() => Int, { description: "Which dose of the person's course (1 to 6)." })
  doseNumber!: number;

  @Field(() => Int, { description: "Number of doses given." })
  doses!: number;

  datasetId!: string;
  ingestionId!: number;
}

export const VaccinationDosesConnection = connectionType(VaccinationDoses, "VaccinationDoses", {
  edge: "Vaccination doses and their position in the list.",
  node: "The doses.",
  connection: "A page of vaccination doses, by date, age group, sex, vaccine and dose number.",
  edges: "The doses of this page.",
});
export type VaccinationDosesConnection = LazyCountConnection<VaccinationDoses>;
