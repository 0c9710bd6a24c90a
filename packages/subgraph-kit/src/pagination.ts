import { splitPage, rowsToFetch, unstorableCharacter } from "@hkhealth/store";
import type { Connection, CountedConnection } from "./connection-type.js";
import { userInputError } from "./errors.js";

/*
 * The paging kit every connection uses: page sizes, opaque cursors, `first + 1` fetches
 * (rowsToFetch, splitPage: the store's record layer pages the same way) and edges with PageInfo.
 */
export { rowsToFetch, splitPage };

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Records come in larger pages: a table view or an export reads up to this many at once. */
export const MAX_RECORD_PAGE_SIZE = 1000;

/** Validates `first`: a positive page size no larger than the cap. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw userInputError(`"first" must be between 1 and ${max}, got ${size}`, { argument: "first", max });
  }
  return size;
}

/** Cursors are opaque to clients: base64url of "<kind>:<value>". */
export function encodeCursor(kind: string, value: string | number): string {
  return Buffer.from(`${kind}:${value}`, "utf8").toString("base64url");
}

function notACursor(cursor: string) {
  return userInputError(`"after" is not a cursor this list gave out: ${JSON.stringify(cursor)}`, { argument: "after" });
}

/**
 * Decodes a cursor made by `encodeCursor` for `kind`, rejecting anything else by name. A client
 * can write any base64url, so what it decodes to is text to check like any argument's.
 */
export function decodeCursor(kind: string, cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  // Bytes that are not UTF-8 decode to U+FFFD and so do not encode back to the cursor.
  if (!decoded.startsWith(`${kind}:`) || unstorableCharacter(decoded) || encodeCursor(kind, decoded.slice(kind.length + 1)) !== cursor) {
    throw notACursor(cursor);
  }
  return decoded.slice(kind.length + 1);
}

/** PostgreSQL's `integer`, for positions compared with an int column or parameter. */
export const MAX_SQL_INTEGER = 2_147_483_647;

/**
 * Decodes a cursor of `kind` whose value is a position or id: digits only, from 0 to `max`
 * (default the largest integer JavaScript holds exactly, within PostgreSQL's bigint).
 */
export function decodeCursorInteger(kind: string, cursor: string, max = Number.MAX_SAFE_INTEGER): number {
  return cursorInteger(decodeCursor(kind, cursor), cursor, max);
}

/** A part of a decoded `cursor` that must be a whole number from 0 to `max`. */
export function cursorInteger(part: string, cursor: string, max = Number.MAX_SAFE_INTEGER): number {
  const position = /^\d{1,16}$/.test(part) ? Number(part) : Number.NaN;
  if (!(position <= max)) throw notACursor(cursor);
  return position;
}

/** A part of a decoded `cursor` that must be text an argument could be (no NUL, no lone surrogate). */
export function cursorText(part: unknown, cursor: string): string {
  if (typeof part !== "string" || unstorableCharacter(part)) throw notACursor(cursor);
  return part;
}

/**
 * A page's edges and PageInfo from the items fetched for it: each item's node (`nodeOf`, the item
 * itself by default) with the item's cursor. An item whose node is null is left out of the edges,
 * but the end cursor is still the last item's, so the next page starts after it.
 */
export function connectionOf<Item, T = Item>(
  items: readonly Item[],
  cursorOf: (item: Item, index: number) => string,
  hasNextPage: boolean,
  nodeOf: (item: Item) => T | null = (item) => item as unknown as T,
): Connection<T> {
  const edges = items.flatMap((item, index) => {
    const node = nodeOf(item);
    return node === null ? [] : [{ cursor: cursorOf(item, index), node }];
  });
  const endCursor = items.length > 0 ? cursorOf(items[items.length - 1]!, items.length - 1) : null;
  return { edges, pageInfo: { hasNextPage, endCursor } };
}

/** One page of `items` (already filtered, in order): `first` of them after the position cursor `after` of `kind`. */
export function pageOf<T>(items: readonly T[], kind: string, first: number | null | undefined, after: string | null | undefined, max?: number): CountedConnection<T> {
  const size = pageSize(first, max);
  const start = after == null ? 0 : decodeCursorInteger(kind, after, items.length) + 1;
  const page = connectionOf(items.slice(start, start + size), (_, index) => encodeCursor(kind, start + index), start + size < items.length);
  return { ...page, totalCount: items.length };
}
