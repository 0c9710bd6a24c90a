/**
 * Pages are read one row past their size (`first + 1`): whether that row comes says whether a
 * next page follows, without a count.
 */
export function rowsToFetch(first: number): number {
  return first + 1;
}

/** The page of rows fetched with `rowsToFetch(first)`, and whether a next page follows. */
export function splitPage<T>(rows: readonly T[], first: number): { rows: T[]; hasNextPage: boolean } {
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}
