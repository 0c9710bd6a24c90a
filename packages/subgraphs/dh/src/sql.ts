import { likeEscape, recordFieldText, SqlParams } from "@hkhealth/store";
import type { GraphContext } from "@hkhealth/subgraph-kit";

export { SqlParams };

/**
 * A record field as text, `r.fields->>'Case no.'`. Field names are this package's constants
 * (the agencies' column headers), never client input; quotes are doubled all the same.
 */
export const fieldText = recordFieldText;

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${likeEscape(text)}%`;
}

/** Runs one statement over the records store. */
export function queryRows<T>(context: GraphContext, sql: string, params: SqlParams): Promise<T[]> {
  return context.store.prisma.$queryRawUnsafe<T[]>(sql, ...params.values);
}
