import { unstorableCharacter } from "@hkhealth/store";
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
