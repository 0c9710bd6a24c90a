import { chpCovid19Cases } from "@hkhealth/plan";
import { registerEnumType } from "type-graphql";
import { fieldText } from "../sql.js";

const caseColumns = chpCovid19Cases.fields;

export enum CovidCaseDimension {
  CLASSIFICATION = "CLASSIFICATION",
  GENDER = "GENDER",
  RESIDENT = "RESIDENT",
  STATUS = "STATUS",
  CASE_STATUS = "CASE_STATUS",
  REPORT_DATE = "REPORT_DATE",
  REPORT_MONTH = "REPORT_MONTH",
  AGE_BAND = "AGE_BAND",
}

registerEnumType(CovidCaseDimension, {
  name: "CovidCaseDimension",
  description: "What COVID-19 cases can be counted by.",
  valuesConfig: {
    CLASSIFICATION: { description: "Classification, as published." },
    GENDER: { description: "Gender, as published." },
    RESIDENT: { description: "Residency, as published." },
    STATUS: { description: "Hospitalised, discharged or deceased, as published." },
    CASE_STATUS: { description: "Case status, as published." },
    REPORT_DATE: { description: "Day reported." },
    REPORT_MONTH: { description: 'Month reported, "YYYY-MM".' },
    AGE_BAND: { description: 'Ten-year age band ("0-9" ... "80-89", "90+"); "<1" counts as "0-9", "Pending" as none.' },
  },
});

/** The field of CovidCaseCount each dimension fills. */
export const dimensionField = {
  CLASSIFICATION: "classification",
  GENDER: "gender",
  RESIDENT: "resident",
  STATUS: "status",
  CASE_STATUS: "caseStatus",
  REPORT_DATE: "reportDate",
  REPORT_MONTH: "reportMonth",
  AGE_BAND: "ageBand",
} as const satisfies Record<CovidCaseDimension, string>;

/** Each dimension's value as SQL over the case rows aliased `alias`: the grouping happens in PostgreSQL. */
export function dimensionExpression(dimension: CovidCaseDimension, alias: string): string {
  switch (dimension) {
    case CovidCaseDimension.CLASSIFICATION:
      return fieldText(alias, caseColumns.classification);
    case CovidCaseDimension.GENDER:
      return fieldText(alias, caseColumns.gender);
    case CovidCaseDimension.RESIDENT:
      return fieldText(alias, caseColumns.resident);
    case CovidCaseDimension.STATUS:
      return fieldText(alias, caseColumns.status);
    case CovidCaseDimension.CASE_STATUS:
      return fieldText(alias, caseColumns.caseStatus);
    case CovidCaseDimension.REPORT_DATE:
      return fieldText(alias, caseColumns.reportDate);
    case CovidCaseDimension.REPORT_MONTH:
      return `left(${fieldText(alias, caseColumns.reportDate)}, 7)`;
    case CovidCaseDimension.AGE_BAND: {
      const age = fieldText(alias, caseColumns.age);
      const years = `(${age})::int`;
      return (
        `CASE WHEN ${age} ~ '^[0-9]{1,3}$' THEN CASE WHEN ${years} >= 90 THEN '90+'` +
        ` ELSE (${years} / 10 * 10)::text || '-' || (${years} / 10 * 10 + 9)::text END` +
        ` WHEN ${age} = '<1' THEN '0-9' END`
      );
    }
  }
}
