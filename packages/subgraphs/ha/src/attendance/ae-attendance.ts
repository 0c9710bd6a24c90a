import { DateTimeScalar } from "@hkhealth/plan";
import { Field, Int, ObjectType } from "type-graphql";
import { textField, type RecordRow } from "../record-row.js";

/** "2023-24", "2023/24", 2023 -> 2023. */
export function startYearOf(financialYear: string): number | null {
  const match = /^(\d{4})/.exec(financialYear.trim());
  return match ? Number(match[1]) : null;
}

@ObjectType("AeAttendance", { description: "Attendances at one hospital's Accident and Emergency department in one financial year (April to March)." })
export class AeAttendance {
  datasetId!: string;
  ingestionId!: number;
  /** The directory hospital the file's name was linked to; null when none could be. */
  hospitalId!: string | null;

  @Field(() => DateTimeScalar, { description: "When the file was taken as describing (its fetch or given time)." })
  observedAt!: Date;

  @Field(() => String, { description: 'The financial year as published (Financial Year), e.g. "2023-24".' })
  financialYear!: string;

  @Field(() => Int, { nullable: true, description: "The calendar year the financial year starts in (April), e.g. 2023 for 2023-24." })
  startYear!: number | null;

  @Field(() => String, { description: "The hospital as the file names it (Hospital)." })
  hospitalName!: string;

  @Field(() => Int, { nullable: true, description: "Number of attendances (AE Attendances); null when the file gives none." })
  attendances!: number | null;
}

/** A record of the attendance file; one without a hospital or year (the row schema refuses it) is left out. */
export function aeAttendanceOf(datasetId: string, row: RecordRow, hospitalId: string | null): AeAttendance | null {
  const hospitalName = textField(row.fields, "Hospital");
  const financialYear = textField(row.fields, "Financial Year");
  if (hospitalName === null || financialYear === null) return null;
  const count = Number(row.fields["AE Attendances"]);
  return Object.assign(new AeAttendance(), {
    datasetId,
    ingestionId: row.ingestionId,
    hospitalId,
    observedAt: row.observedAt,
    financialYear,
    startYear: startYearOf(financialYear),
    hospitalName,
    attendances: row.fields["AE Attendances"] == null || !Number.isFinite(count) ? null : Math.round(count),
  });
}
