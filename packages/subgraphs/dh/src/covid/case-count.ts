import { DateScalar } from "@hkhealth/plan";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "How many COVID-19 cases share the values of the dimensions counted by. A dimension not counted by is null." })
export class CovidCaseCount {
  @Field(() => String, { nullable: true, description: "Classification (CLASSIFICATION)." })
  classification?: string | null;

  @Field(() => String, { nullable: true, description: "Gender (GENDER)." })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: "Residency (RESIDENT)." })
  resident?: string | null;

  @Field(() => String, { nullable: true, description: "Hospitalised, discharged or deceased (STATUS)." })
  status?: string | null;

  @Field(() => String, { nullable: true, description: "Case status (CASE_STATUS)." })
  caseStatus?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day reported (REPORT_DATE)." })
  reportDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Month reported, "YYYY-MM" (REPORT_MONTH).' })
  reportMonth?: string | null;

  @Field(() => String, { nullable: true, description: 'Ten-year age band, e.g. "30-39" (AGE_BAND).' })
  ageBand?: string | null;

  @Field(() => Int, { description: "Number of cases." })
  count!: number;
}
