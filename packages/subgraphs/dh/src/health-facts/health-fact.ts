import { healthFacts } from "@hkhealth/plan";
import { Field, Float, Int, ObjectType } from "type-graphql";
import type { RecordOrigin } from "@hkhealth/subgraph-kit";
import { numberOf, textOf } from "../values.js";

const column = healthFacts.fields;

@ObjectType({ description: "One statistic of Health Facts of Hong Kong for one year: e.g. registered doctors in 2022." })
export class HealthFact implements RecordOrigin {
  @Field(() => Int, { description: "The year the figure is for." })
  year!: number;

  @Field(() => Float, { nullable: true, description: 'The figure; null when the table gives text instead (see valueText: "N.A.").' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'What the table gives instead of a figure ("N.A."); null when it gives one.' })
  valueText!: string | null;

  sectionEn!: string;
  sectionZh!: string;
  itemEn!: string;
  itemZh!: string;
  unitEn!: string | null;
  unitZh!: string | null;
  datasetId!: string;
  ingestionId!: number;
}

/**
 * One year's cell of a Health Facts row as a typed fact; null for a row without a section or an
 * item. Figures may come as numbers (XLSX) or as text with thousands separators (CSV).
 */
export function parseHealthFact(origin: RecordOrigin, fields: Readonly<Record<string, unknown>>, year: number, cell: unknown): HealthFact | null {
  const sectionEn = textOf(fields[column.section]);
  const itemEn = textOf(fields[column.item]);
  if (sectionEn === null || itemEn === null) return null;
  const value = numberOf(cell);
  return {
    ...origin,
    year,
    value,
    valueText: value === null ? textOf(cell) : null,
    sectionEn,
    sectionZh: textOf(fields[column.sectionZh]) ?? sectionEn,
    itemEn,
    itemZh: textOf(fields[column.itemZh]) ?? itemEn,
    unitEn: textOf(fields[column.unit]),
    unitZh: textOf(fields[column.unitZh]) ?? textOf(fields[column.unit]),
  };
}
