import { chpCovid19Cases, DateScalar, isoDate } from "@hkhealth/plan";
import { userInputError } from "@hkhealth/subgraph-kit";
import { Field, InputType } from "type-graphql";
import { fieldText, type SqlParams } from "../sql.js";

const caseColumns = chpCovid19Cases.fields;

@InputType({ description: "Narrows the list of COVID-19 cases; every condition given must hold. Texts match exactly as published." })
export class CovidCaseFilter {
  @Field(() => String, { nullable: true, description: 'Classification, e.g. "Imported case".' })
  classification?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender: "M", "F" or "Pending".' })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'Residency: "HK resident", "Non-HK resident" or "Pending".' })
  resident?: string | null;

  @Field(() => String, { nullable: true, description: 'Hospitalised, discharged or deceased, e.g. "Deceased".' })
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'Case status, e.g. "Confirmed".' })
  caseStatus?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Reported on or after this day." })
  reportedFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Reported on or before this day." })
  reportedTo?: Date | null;
}

const exactColumns = {
  classification: caseColumns.classification,
  gender: caseColumns.gender,
  resident: caseColumns.resident,
  status: caseColumns.status,
  caseStatus: caseColumns.caseStatus,
} as const satisfies Partial<Record<keyof CovidCaseFilter, string>>;

/** SQL conditions on the case rows aliased `alias`, for the filter's conditions. */
export function caseFilterConditions(alias: string, filter: CovidCaseFilter | null | undefined, params: SqlParams): string[] {
  if (!filter) return [];
  const { reportedFrom, reportedTo } = filter;
  if (reportedFrom && reportedTo && reportedFrom > reportedTo) {
    throw userInputError(`"reportedFrom" (${isoDate(reportedFrom)}) is after "reportedTo" (${isoDate(reportedTo)})`, { argument: "filter" });
  }
  const conditions: string[] = [];
  for (const [name, column] of Object.entries(exactColumns)) {
    const value = filter[name as keyof typeof exactColumns];
    if (value != null) conditions.push(`${fieldText(alias, column)} = ${params.add(value)}`);
  }
  // "YYYY-MM-DD" texts order as the days they name.
  const reportDate = fieldText(alias, caseColumns.reportDate);
  if (reportedFrom) conditions.push(`${reportDate} >= ${params.add(isoDate(reportedFrom))}`);
  if (reportedTo) conditions.push(`${reportDate} <= ${params.add(isoDate(reportedTo))}`);
  return conditions;
}
