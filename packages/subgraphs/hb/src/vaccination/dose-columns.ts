import { Vaccine } from "./enums.js";

/**
 * The published layout of vaccination-rates-over-time-by-age.csv (Health Bureau, DATA.GOV.HK
 * "hk-hhb-hhbcovid19-vaccination-rates-over-time-by-age"): one row per day, age group and sex,
 * with one column per vaccine and dose number ("Sinovac 1st dose" ... "BioNTech 6th dose").
 */
export const vaccinationLayout = {
  date: "Date",
  ageGroup: "Age Group",
  sex: "Sex",
} as const;

export interface DoseColumn {
  readonly vaccine: Vaccine;
  readonly doseNumber: number;
  /** Header of the column in the file. */
  readonly column: string;
  /** Place of the column among the dose columns, 1-based: orders a row's doses. */
  readonly position: number;
}

const vaccineNames: ReadonlyArray<readonly [Vaccine, string]> = [
  [Vaccine.SINOVAC, "Sinovac"],
  [Vaccine.BIONTECH, "BioNTech"],
];
const ordinals = ["1st", "2nd", "3rd", "4th", "5th", "6th"];

/** The 12 dose columns, in the file's order. */
export const doseColumns: readonly DoseColumn[] = vaccineNames.flatMap(([vaccine, name], vaccineIndex) =>
  ordinals.map((ordinal, index) => ({
    vaccine,
    doseNumber: index + 1,
    column: `${name} ${ordinal} dose`,
    position: vaccineIndex * ordinals.length + index + 1,
  })),
);

/** The dose columns a filter on vaccine and dose number keeps. */
export function doseColumnsFor(filter: { readonly vaccine?: Vaccine | null; readonly doseNumber?: number | null } | null | undefined): DoseColumn[] {
  return doseColumns.filter(
    (column) => (filter?.vaccine == null || column.vaccine === filter.vaccine) && (filter?.doseNumber == null || column.doseNumber === filter.doseNumber),
  );
}
