import type { FieldFilterInput, FieldType } from "@hkhealth/client";

/** What the user typed in one field's filter inputs, as text. */
export interface FilterDraft {
  readonly contains?: string;
  readonly eq?: string;
  readonly gte?: string;
  readonly lte?: string;
}

/** The records query's filter from the drafts, by each field's type: text contains, a boolean equals, ranges else. */
export function toFieldFilters(drafts: Readonly<Record<string, FilterDraft>>, types: Readonly<Record<string, FieldType>>): FieldFilterInput[] {
  const filters: FieldFilterInput[] = [];
  for (const [field, draft] of Object.entries(drafts)) {
    const type = types[field];
    if (!type) continue;
    if (type === "STRING") {
      if (draft.contains) filters.push({ field, contains: draft.contains });
    } else if (type === "BOOLEAN") {
      if (draft.eq === "true" || draft.eq === "false") filters.push({ field, eq: draft.eq === "true" });
    } else {
      const value = (text: string) => (type === "NUMBER" ? Number(text) : text);
      const filter: FieldFilterInput = { field, ...(draft.gte ? { gte: value(draft.gte) } : {}), ...(draft.lte ? { lte: value(draft.lte) } : {}) };
      if (filter.gte !== undefined || filter.lte !== undefined) filters.push(filter);
    }
  }
  return filters;
}
