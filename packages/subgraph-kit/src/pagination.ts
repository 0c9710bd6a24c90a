import { userInputError } from "./errors.js";

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

/** Decodes a cursor made by `encodeCursor` for `kind`, rejecting anything else by name. */
export function decodeCursor(kind: string, cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  if (!decoded.startsWith(`${kind}:`) || encodeCursor(kind, decoded.slice(kind.length + 1)) !== cursor) {
    throw userInputError(`"after" is not a cursor this list gave out: ${JSON.stringify(cursor)}`, { argument: "after" });
  }
  return decoded.slice(kind.length + 1);
}
