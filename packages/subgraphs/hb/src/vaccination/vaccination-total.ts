import { DateScalar } from "@hkhealth/plan";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { Sex, Vaccine } from "./enums.js";

@ObjectType({ description: "Doses given in one group; the dimensions not grouped by are null." })
export class VaccinationTotal {
  @Field(() => DateScalar, { nullable: true, description: "The day, when grouped by DATE." })
  date!: string | null;

  @Field(() => String, { nullable: true, description: "The age group, when grouped by AGE_GROUP." })
  ageGroup!: string | null;

  @Field(() => Sex, { nullable: true, description: "Sex, when grouped by SEX." })
  sex!: Sex | null;

  @Field(() => Vaccine, { nullable: true, description: "The vaccine, when grouped by VACCINE." })
  vaccine!: Vaccine | null;

  @Field(() => Int, { nullable: true, description: "The dose number, when grouped by DOSE_NUMBER." })
  doseNumber!: number | null;

  // Float: a sum over any number of ingested files need not fit GraphQL's 32-bit Int.
  @Field(() => Float, { description: "Doses given in the group (a whole number), summed in PostgreSQL." })
  doses!: number;
}
