import { chpCovid19Buildings, DateScalar } from "@hkhealth/plan";
import { Field, ObjectType } from "type-graphql";
import type { RecordOrigin } from "@hkhealth/subgraph-kit";
import { isoDateOf, textOf } from "../values.js";

const column = chpCovid19Buildings.fields;

@ObjectType({ description: "A building where people with COVID-19 lived or which they visited, as the Centre for Health Protection lists it." })
export class CovidBuilding implements RecordOrigin {
  @Field(() => String, { description: 'District, as published ("Central & Western").' })
  district!: string;

  @Field(() => String, { description: 'Building name, as published ("Block A, Midland Centre").' })
  buildingName!: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day a case visited the building; null when the list does not say." })
  lastVisitDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Numbers of the related cases, as published ("1234, 1240"); null when the list does not say.' })
  relatedCases!: string | null;

  datasetId!: string;
  ingestionId!: number;
}

/** A building record as a typed building; null without a district or a name. */
export function parseCovidBuilding(origin: RecordOrigin, fields: Readonly<Record<string, unknown>>): CovidBuilding | null {
  const district = textOf(fields[column.district]);
  const buildingName = textOf(fields[column.buildingName]);
  if (district === null || buildingName === null) return null;
  return {
    ...origin,
    district,
    buildingName,
    lastVisitDate: isoDateOf(fields[column.lastVisitDate]),
    relatedCases: textOf(fields[column.relatedCases]),
  };
}
