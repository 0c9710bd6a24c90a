import { z } from "zod";
import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import { count, isoDate, nonEmptyText, oneOf } from "../row-checks.js";
import type { DatasetDefinition } from "../types.js";

/** The vaccines of the file, in its column order, and the doses of each (1st to 6th). */
export const vaccinationVaccines = ["Sinovac", "BioNTech"] as const;
export const vaccinationDoseOrdinals = ["1st", "2nd", "3rd", "4th", "5th", "6th"] as const;

/** A dose column's header: "Sinovac 1st dose". */
export function doseColumnHeader(vaccine: (typeof vaccinationVaccines)[number], ordinal: (typeof vaccinationDoseOrdinals)[number]): string {
  return `${vaccine} ${ordinal} dose`;
}

const doseColumns = vaccinationVaccines.flatMap((vaccine) => vaccinationDoseOrdinals.map((ordinal) => doseColumnHeader(vaccine, ordinal)));

// One row per day, age group and sex; a column per vaccine and dose.
const fields = { date: "Date", ageGroup: "Age Group", sex: "Sex" } as const;

// Doses given per day, age group and sex.
const vaccinationRow = z.object({
  [fields.date]: isoDate(),
  [fields.ageGroup]: nonEmptyText(),
  [fields.sex]: oneOf(["M", "F"]),
  ...Object.fromEntries(doseColumns.map((column) => [column, count()])),
});

/** HB's COVID-19 vaccination rates over time by age. */
export const covid19VaccinationByAge = {
  id: "hb-covid19-vaccination-by-age",
  // Seen in several public projects on GitHub that read vaccination-rates-over-time-by-age.csv ("Daily count of vaccination by age groups"); it was hk-fhb-fhbcovid19-… before the bureau was renamed.
  portalUrl: "https://data.gov.hk/en-data/dataset/hk-hhb-hhbcovid19-vaccination-rates-over-time-by-age",
  distributions: [distribution("https://www.healthbureau.gov.hk/download/opendata/COVID19/vaccination-rates-over-time-by-age.csv", DataFormat.CSV)],
  // Each release adds days. "Date" (ISO, a day in Hong Kong) dates each row, so asOf/from/to
  // select days of the file, not the ingest's time.
  profile: { mode: "CUMULATIVE", observedAtField: fields.date },
  rowSchema: vaccinationRow,
  typedView: { subgraph: "hb", typeName: "VaccinationByAgeView" },
  fields,
} as const satisfies DatasetDefinition;
