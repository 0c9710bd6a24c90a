import type { GraphContext } from "@hkhealth/subgraph-kit";

/**
 * Collects positional parameters while a statement is assembled, so values are never spliced
 * into SQL. (The store has the same helper internally but does not export it.)
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with a cast when given ("$3::int"). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/**
 * A record field as text, `r.fields->>'Case no.'`. Field names are this package's constants
 * (the agencies' column headers), never client input; quotes are doubled all the same.
 */
export function fieldText(alias: string, name: string): string {
  return `${alias}.fields->>'${name.replaceAll("'", "''")}'`;
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Runs one statement over the records store. */
export function queryRows<T>(context: GraphContext, sql: string, params: SqlParams): Promise<T[]> {
  return context.store.prisma.$queryRawUnsafe<T[]>(sql, ...params.values);
}
