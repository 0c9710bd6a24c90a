import { covid19VaccinationByAge, doseColumnHeader, vaccinationDoseOrdinals, vaccinationVaccines } from "@hkhealth/plan";
import { Vaccine } from "./enums.js";

/**
 * The published layout of vaccination-rates-over-time-by-age.csv (its dataset module): one row
 * per day, age group and sex, with one column per vaccine and dose number ("Sinovac 1st dose" ...
 * "BioNTech 6th dose").
 */
export const vaccinationLayout = covid19VaccinationByAge.fields;

export interface DoseColumn {
  readonly vaccine: Vaccine;
  readonly doseNumber: number;
  /** Header of the column in the file. */
  readonly column: string;
  /** Place of the column among the dose columns, 1-based: orders a row's doses. */
  readonly position: number;
}

const vaccineOfName: Readonly<Record<(typeof vaccinationVaccines)[number], Vaccine>> = { Sinovac: Vaccine.SINOVAC, BioNTech: Vaccine.BIONTECH };

/** The 12 dose columns, in the file's order. */
export const doseColumns: readonly DoseColumn[] = vaccinationVaccines.flatMap((name, vaccineIndex) =>
  vaccinationDoseOrdinals.map((ordinal, index) => ({
    vaccine: vaccineOfName[name],
    doseNumber: index + 1,
    column: doseColumnHeader(name, ordinal),
    position: vaccineIndex * vaccinationDoseOrdinals.length + index + 1,
  })),
);

/** The dose columns a filter on vaccine and dose number keeps. */
export function doseColumnsFor(filter: { readonly vaccine?: Vaccine | null; readonly doseNumber?: number | null } | null | undefined): DoseColumn[] {
  return doseColumns.filter(
    (column) => (filter?.vaccine == null || column.vaccine === filter.vaccine) && (filter?.doseNumber == null || column.doseNumber === filter.doseNumber),
  );
}
