import type { Readable } from "node:stream";
import { utf8Text } from "./encoding.js";

/**
 * Reads a whole file as UTF-8 text, without a leading byte order mark, refused (utf8Text) in any
 * other encoding or past `maxBytes`. For formats whose parser needs the whole document (JSON,
 * XML); CSV and XLSX stream instead.
 */
export async function readText(source: string, open: () => Readable, maxBytes: number): Promise<string> {
  const file = open();
  try {
    return await utf8Text(source, file, { maxBytes, maxBytesSetting: "INGEST_MAX_DOCUMENT_BYTES" });
  } finally {
    file.destroy();
  }
}

/** "line L, column C" (both 1-based) of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return `line ${line}, column ${column}`;
}
