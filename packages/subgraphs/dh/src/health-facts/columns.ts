// The layout assumed for "Health Facts of Hong Kong" (plan row D7, XLSX and CSV): see this
// package's README. One row per statistic, bilingual labels, one column per year.

export const healthFactColumns = {
  section: "Section",
  sectionZh: "Section (Chinese)",
  item: "Item",
  itemZh: "Item (Chinese)",
  unit: "Unit",
  unitZh: "Unit (Chinese)",
} as const;

/** A year column's header: "2021". The same test in SQL is `~ '^[0-9]{4}$'`. */
export const yearColumn = /^\d{4}$/;
