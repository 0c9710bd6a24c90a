import { registerEnumType } from "type-graphql";

export enum Vaccine {
  SINOVAC = "SINOVAC",
  BIONTECH = "BIONTECH",
}
registerEnumType(Vaccine, {
  name: "Vaccine",
  description: "COVID-19 vaccines given in Hong Kong's programme.",
  valuesConfig: {
    SINOVAC: { description: "Sinovac (CoronaVac), inactivated." },
    BIONTECH: { description: "BioNTech (Comirnaty), mRNA." },
  },
});

export enum Sex {
  MALE = "MALE",
  FEMALE = "FEMALE",
}
registerEnumType(Sex, {
  name: "Sex",
  description: "Sex as the Health Bureau's files record it.",
  valuesConfig: {
    MALE: { description: 'Male ("M" in the files).' },
    FEMALE: { description: 'Female ("F" in the files).' },
  },
});

export enum VaccinationDimension {
  DATE = "DATE",
  AGE_GROUP = "AGE_GROUP",
  SEX = "SEX",
  VACCINE = "VACCINE",
  DOSE_NUMBER = "DOSE_NUMBER",
}
registerEnumType(VaccinationDimension, {
  name: "VaccinationDimension",
  description: "What vaccination doses can be totalled by; any combination of them forms the groups.",
  valuesConfig: {
    DATE: { description: "The day the doses were given." },
    AGE_GROUP: { description: 'The age group, as published ("20-29", "80 and above").' },
    SEX: { description: "Sex." },
    VACCINE: { description: "The vaccine." },
    DOSE_NUMBER: { description: "Which dose of the person's course (1 to 6)." },
  },
});

/** The files' "M"/"F" and the graph's Sex. */
const sexByCode: Readonly<Record<string, Sex>> = { M: Sex.MALE, F: Sex.FEMALE };
const codeBySex: Readonly<Record<Sex, string>> = { [Sex.MALE]: "M", [Sex.FEMALE]: "F" };

export function sexFromFile(code: string): Sex {
  const sex = sexByCode[code];
  if (sex === undefined) throw new Error(`Vaccination record with sex ${JSON.stringify(code)}; the layout has only "M" and "F"`);
  return sex;
}

export function sexInFile(sex: Sex): string {
  return codeBySex[sex];
}
