import { DateTimeScalar } from "@hkhealth/plan";
import { ObjectType, Field, Float } from "type-graphql";
import { findCluster } from "../clusters.js";
import { HospitalCluster } from "../profile.js";
import { textField, type RecordRow } from "../record-row.js";
import { WaitBound } from "../waiting-time/parse-waiting-time.js";

/** A number of weeks as the file writes it: "10", "<1", "> 52", "less than 1 week", "少於1星期". */
export interface ParsedWeeks {
  readonly weeks: number | null;
  readonly bound: WaitBound | null;
}

const weeksPattern = /^(<=?|≤|less than|under|少於|少于|>=?|≥|over|more than|超過|超过)?\s*(\d+(?:\.\d+)?)\s*(?:weeks?|wks?|星期|個星期|个星期|週|周)?$/i;

/** Reads a published value into weeks and what they mean; text that is not a number of weeks ("N/A") has neither. */
export function parseWeeks(value: string | null): ParsedWeeks {
  const match = value === null ? null : weeksPattern.exec(value.trim());
  if (!match) return { weeks: null, bound: null };
  const [, qualifier = "", number = ""] = match;
  const bound = qualifier === "" ? WaitBound.EXACT : /^(<|≤|less|under|少)/i.test(qualifier) ? WaitBound.AT_MOST : WaitBound.AT_LEAST;
  return { weeks: Number(number), bound };
}

@ObjectType("SopcWaitingTime", {
  description:
    "The waiting time for a new case booking at the Hospital Authority's specialist out-patient clinics of one cluster and specialty, for one triage category, as one file (one language) gives it.",
})
export class SopcWaitingTime {
  datasetId!: string;
  ingestionId!: number;

  @Field(() => DateTimeScalar, { description: "When the file was taken as describing (its fetch or given time)." })
  observedAt!: Date;

  @Field(() => String, { description: 'The cluster as the file names it, e.g. "Kowloon Central Cluster" or "九龍中聯網".' })
  cluster!: string;

  @Field(() => HospitalCluster, { nullable: true, description: "The cluster of the agency profile the file's name was read as; null when it names none of the seven." })
  hospitalCluster!: HospitalCluster | null;

  @Field(() => String, { description: 'The specialty, as published, e.g. "Medicine", "內科".' })
  specialty!: string;

  @Field(() => String, { description: 'The triage category, as published, e.g. "Urgent", "Semi-urgent", "Stable" ("緊急", "半緊急", "穩定").' })
  category!: string;

  @Field(() => String, { description: 'What the value measures, as published, e.g. "Median waiting time (weeks)".' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'The value as published, e.g. "10", "<1", "N/A"; null when blank.' })
  value!: string | null;

  @Field(() => Float, { nullable: true, description: "The weeks the value stands for, read with `bound`; null when the value is not a number of weeks (\"N/A\", blank)." })
  weeks!: number | null;

  @Field(() => WaitBound, { nullable: true, description: "Whether `weeks` is the wait (EXACT) or a bound (\"<1\": AT_MOST); null with `weeks`." })
  bound!: WaitBound | null;
}

/** A record of the SOPC file; records without a cluster or specialty (the row schema refuses them) are left out. */
export function sopcWaitingTimeOf(datasetId: string, row: RecordRow): SopcWaitingTime | null {
  const cluster = textField(row.fields, "cluster");
  const specialty = textField(row.fields, "specialty");
  if (cluster === null || specialty === null) return null;
  const value = textField(row.fields, "value");
  return Object.assign(new SopcWaitingTime(), {
    datasetId,
    ingestionId: row.ingestionId,
    observedAt: row.observedAt,
    cluster,
    hospitalCluster: findCluster(cluster) ?? null,
    specialty,
    category: textField(row.fields, "category") ?? "",
    description: textField(row.fields, "description") ?? "",
    value,
    ...parseWeeks(value),
  });
}
