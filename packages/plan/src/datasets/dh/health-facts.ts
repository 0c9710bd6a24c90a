import type { DatasetDefinition } from "../types.js";

/** A year column's header: "2021". The same test in SQL is `~ '^[0-9]{4}$'`. */
export const healthFactsYearColumn = /^\d{4}$/;

/**
 * DH's Health Facts of Hong Kong. The layout is assumed (plan row D7, XLSX and CSV; see the DH
 * subgraph's README): one row per statistic, bilingual labels, one column per year.
 */
export const healthFacts = {
  id: "dh-health-facts",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
  // The XLSX's year columns hold numbers (15298); the CSV's the same as text ("15,298", "N.A.").
  declaredFieldTypes: [[healthFactsYearColumn, "STRING"]],
  typedView: { subgraph: "dh", typeName: "HealthFactsView" },
  fields: {
    section: "Section",
    sectionZh: "Section (Chinese)",
    item: "Item",
    itemZh: "Item (Chinese)",
    unit: "Unit",
    unitZh: "Unit (Chinese)",
  },
} as const satisfies DatasetDefinition;
