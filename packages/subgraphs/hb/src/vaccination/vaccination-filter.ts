import { DateScalar } from "@hkhealth/plan";
import { Field, InputType, Int } from "type-graphql";
import { Sex, Vaccine } from "./enums.js";

@InputType({ description: "Narrows vaccination doses; all given conditions must hold." })
export class VaccinationFilter {
  @Field(() => Vaccine, { nullable: true, description: "Only this vaccine." })
  vaccine?: Vaccine | null;

  @Field(() => Sex, { nullable: true, description: "Only this sex." })
  sex?: Sex | null;

  @Field(() => String, { nullable: true, description: 'Only this age group, exactly as published ("20-29", "80 and above").' })
  ageGroup?: string | null;

  @Field(() => Int, { nullable: true, description: "Only this dose number (1 to 6)." })
  doseNumber?: number | null;

  @Field(() => DateScalar, { nullable: true, description: "Only doses given on or after this day." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Only doses given on or before this day." })
  to?: Date | null;
}
