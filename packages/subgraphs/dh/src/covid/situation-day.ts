import { chpCovid19Situation, DateScalar } from "@hkhealth/plan";
import { Field, Int, ObjectType } from "type-graphql";
import type { RecordOrigin } from "@hkhealth/subgraph-kit";
import { integerOf, isoDateOf, textOf } from "../values.js";

const column = chpCovid19Situation.fields;

@ObjectType({
  description:
    "One day of the Centre for Health Protection's COVID-19 situation report. A count is null where the day's row leaves it empty: " +
    "the report dropped most of its early columns in 2022 and added the rapid antigen test count.",
})
export class CovidSituationDay implements RecordOrigin {
  @Field(() => DateScalar, { description: "The day the figures are as of." })
  date!: string;

  @Field(() => String, { nullable: true, description: 'Time of day the figures are as of, as published ("12:00").' })
  time!: string | null;

  @Field(() => Int, { nullable: true, description: "Confirmed cases, cumulative." })
  confirmed!: number | null;

  @Field(() => Int, { nullable: true, description: "Cases ruled out, cumulative." })
  ruledOut!: number | null;

  @Field(() => Int, { nullable: true, description: "Suspected cases still in hospital for investigation." })
  stillHospitalisedForInvestigation!: number | null;

  @Field(() => Int, { nullable: true, description: "Cases fulfilling the reporting criteria, cumulative." })
  fulfillingReportingCriteria!: number | null;

  @Field(() => Int, { nullable: true, description: "Deaths, cumulative." })
  deaths!: number | null;

  @Field(() => Int, { nullable: true, description: "Patients discharged, cumulative." })
  discharged!: number | null;

  @Field(() => Int, { nullable: true, description: "Probable cases, cumulative." })
  probable!: number | null;

  @Field(() => Int, { nullable: true, description: "Patients in hospital in critical condition on the day." })
  critical!: number | null;

  @Field(() => Int, { nullable: true, description: "Cases positive by nucleic acid test, cumulative." })
  positiveByNucleicAcidTest!: number | null;

  @Field(() => Int, { nullable: true, description: "Cases positive by rapid antigen test, cumulative." })
  positiveByRapidAntigenTest!: number | null;

  datasetId!: string;
  ingestionId!: number;
}

/** A situation record as a typed day; null when its date is not a date. */
export function parseSituationDay(origin: RecordOrigin, fields: Readonly<Record<string, unknown>>): CovidSituationDay | null {
  const date = isoDateOf(fields[column.date]);
  if (date === null) return null;
  return {
    ...origin,
    date,
    time: textOf(fields[column.time]),
    confirmed: integerOf(fields[column.confirmed]),
    ruledOut: integerOf(fields[column.ruledOut]),
    stillHospitalisedForInvestigation: integerOf(fields[column.stillHospitalisedForInvestigation]),
    fulfillingReportingCriteria: integerOf(fields[column.fulfillingReportingCriteria]),
    deaths: integerOf(fields[column.deaths]),
    discharged: integerOf(fields[column.discharged]),
    probable: integerOf(fields[column.probable]),
    critical: integerOf(fields[column.critical]),
    positiveByNucleicAcidTest: integerOf(fields[column.positiveByNucleicAcidTest]),
    positiveByRapidAntigenTest: integerOf(fields[column.positiveByRapidAntigenTest]),
  };
}
