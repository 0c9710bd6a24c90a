import { chpCovid19Cases, DateScalar } from "@hkhealth/plan";
import { Field, Int, ObjectType } from "type-graphql";
import type { RecordOrigin } from "@hkhealth/subgraph-kit";
import { integerOf, isoDateOf, textOf } from "../values.js";

const column = chpCovid19Cases.fields;

@ObjectType({ description: "A COVID-19 case as the Centre for Health Protection lists it, texts as published (\"Pending\" included)." })
export class CovidCase implements RecordOrigin {
  @Field(() => Int, { description: "CHP's case number." })
  caseNumber!: number;

  @Field(() => DateScalar, { nullable: true, description: "Day the case was reported." })
  reportDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day of onset of symptoms; null when the file gives text instead (see onsetText)." })
  onsetDate!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the file says instead of an onset date ("Asymptomatic", "Pending", "Unknown", "Mid-March"); null when it gives a date.',
  })
  onsetText!: string | null;

  @Field(() => String, { nullable: true, description: 'Gender as published: "M", "F" or "Pending".' })
  gender!: string | null;

  @Field(() => Int, { nullable: true, description: 'Age in years; null when the file gives text (see ageText: "<1", "Pending").' })
  age!: number | null;

  @Field(() => String, { nullable: true, description: 'Age as published ("39", "<1", "Pending").' })
  ageText!: string | null;

  @Field(() => String, { nullable: true, description: "Hospital the patient was admitted to, when the file names one." })
  hospitalAdmitted!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Hospitalised, discharged or deceased, as published ("Hospitalised", "Discharged", "Deceased", "Pending admission", "No admission").',
  })
  status!: string | null;

  @Field(() => String, { nullable: true, description: 'Residency as published ("HK resident", "Non-HK resident", "Pending").' })
  resident!: string | null;

  @Field(() => String, { nullable: true, description: 'How the case was classified ("Imported case", "Local case", "Epidemiologically linked with local case"...).' })
  classification!: string | null;

  @Field(() => String, { nullable: true, description: 'Case status as published ("Confirmed", "Asymptomatic", "Re-positive", "Deleted"...).' })
  caseStatus!: string | null;

  datasetId!: string;
  ingestionId!: number;
}

/** A case record as a typed case; null when it has no case number. */
export function parseCovidCase(origin: RecordOrigin, fields: Readonly<Record<string, unknown>>): CovidCase | null {
  const caseNumber = integerOf(fields[column.caseNumber]);
  if (caseNumber === null) return null;
  const onset = fields[column.onset];
  const onsetDate = isoDateOf(onset);
  return {
    ...origin,
    caseNumber,
    reportDate: isoDateOf(fields[column.reportDate]),
    onsetDate,
    onsetText: onsetDate === null ? textOf(onset) : null,
    gender: textOf(fields[column.gender]),
    age: integerOf(fields[column.age]),
    ageText: textOf(fields[column.age]),
    hospitalAdmitted: textOf(fields[column.hospitalAdmitted]),
    status: textOf(fields[column.status]),
    resident: textOf(fields[column.resident]),
    classification: textOf(fields[column.classification]),
    caseStatus: textOf(fields[column.caseStatus]),
  };
}
