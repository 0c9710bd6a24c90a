import type { Readable } from "node:stream";
import { IngestError } from "../errors.js";

/**
 * Reads a whole file as UTF-8 text, without a leading byte order mark. For formats whose parser
 * needs the whole document (JSON, XML); CSV and XLSX stream instead.
 */
export async function readText(source: string, open: () => Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of open()) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  try {
    // Drops the BOM (ignoreBOM defaults to false). Fatal: a Big5 or UTF-16 file must fail, not
    // turn into replacement characters.
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new IngestError(source, "not UTF-8 text (another encoding, such as Big5 or UTF-16?)");
  }
}

/** "line L, column C" (both 1-based) of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return `line ${line}, column ${column}`;
}
