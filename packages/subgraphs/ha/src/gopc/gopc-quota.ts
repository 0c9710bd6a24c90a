import { DateScalar, DateTimeScalar, gopcWeekdays } from "@hkhealth/plan";
import { Arg, Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { textField, type RecordRow } from "../record-row.js";

export enum Weekday {
  MONDAY = "MONDAY",
  TUESDAY = "TUESDAY",
  WEDNESDAY = "WEDNESDAY",
  THURSDAY = "THURSDAY",
  FRIDAY = "FRIDAY",
  SATURDAY = "SATURDAY",
  SUNDAY = "SUNDAY",
}

registerEnumType(Weekday, {
  name: "Weekday",
  description: "A day of the week, as the consultation quota file has a column for each.",
  valuesConfig: Object.fromEntries(Object.values(Weekday).map((day, index) => [day, { description: `${gopcWeekdays[index]} (its column in the file).` }])),
});

/** The file's column of each weekday ("Monday"). */
const columnOf = (weekday: Weekday): string => gopcWeekdays[Object.values(Weekday).indexOf(weekday)] ?? weekday;

/** "469.0", "469", 469 -> 469; "N/A", blank or other text -> null. */
export function quotaNumber(value: string | null): number | null {
  return value !== null && /^\d+(?:\.\d+)?$/.test(value.replaceAll(",", "")) ? Number(value.replaceAll(",", "")) : null;
}

/** "20250106" -> "2025-01-06"; anything else -> null. */
function isoDay(value: string | null): string | null {
  const match = value === null ? null : /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

@ObjectType("WeekdayQuota", { description: "A clinic's average consultation quota on one weekday." })
export class WeekdayQuota {
  @Field(() => Weekday, { description: "The weekday." })
  weekday!: Weekday;

  @Field(() => String, { nullable: true, description: 'The value as published, e.g. "469.0", "N/A"; null when blank.' })
  value!: string | null;

  @Field(() => Float, { nullable: true, description: 'Average number of consultation slots that day; null when the file gives none ("N/A": the clinic is closed or gives no quota).' })
  quota!: number | null;
}

@ObjectType("GopcConsultationQuota", {
  description: "A general out-patient clinic's average consultation quota by weekday over a period, as one file (one language) of the Hospital Authority gives it.",
})
export class GopcConsultationQuota {
  datasetId!: string;
  ingestionId!: number;
  fields!: RecordRow["fields"];
  /** The directory clinic the file's name was linked to; null when none could be. */
  clinicId!: string | null;

  @Field(() => DateTimeScalar, { description: "When the file was taken as describing (its fetch or given time)." })
  observedAt!: Date;

  @Field(() => String, { description: "The clinic as the file names it (Clinic)." })
  clinicName!: string;

  @Field(() => String, { description: "The district, as published (District)." })
  district!: string;

  @Field(() => DateScalar, { nullable: true, description: "First day of the period the averages cover (Period.from)." })
  periodFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day of the period the averages cover (Period.to)." })
  periodTo!: string | null;

  @Field(() => Float, { nullable: true, description: "Doctor consultation sessions a week (Doctor Consultation Sessions); null when not a number." })
  doctorConsultationSessions(): number | null {
    return quotaNumber(textField(this.fields, "Doctor Consultation Sessions"));
  }

  @Field(() => [WeekdayQuota], { description: "The quota of each weekday, Monday first, or of the one asked." })
  quotas(@Arg("weekday", () => Weekday, { nullable: true, description: "Only this weekday." }) weekday?: Weekday | null): WeekdayQuota[] {
    const days = weekday ? [weekday] : Object.values(Weekday);
    return days.map((day) => {
      const value = textField(this.fields, columnOf(day));
      return Object.assign(new WeekdayQuota(), { weekday: day, value, quota: quotaNumber(value) });
    });
  }
}

/** A record of the quota file; one without a clinic (the row schema refuses it) is left out. */
export function gopcQuotaOf(datasetId: string, row: RecordRow, clinicId: string | null): GopcConsultationQuota | null {
  const clinicName = textField(row.fields, "Clinic");
  if (clinicName === null) return null;
  return Object.assign(new GopcConsultationQuota(), {
    datasetId,
    ingestionId: row.ingestionId,
    fields: row.fields,
    clinicId,
    observedAt: row.observedAt,
    clinicName,
    district: textField(row.fields, "District") ?? "",
    periodFrom: isoDay(textField(row.fields, "Period.from")),
    periodTo: isoDay(textField(row.fields, "Period.to")),
  });
}
