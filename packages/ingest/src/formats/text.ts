import type { Readable } from "node:stream";

/**
 * Reads a whole file as UTF-8 text, without a leading byte order mark. For formats whose parser
 * needs the whole document (JSON, XML); CSV and XLSX stream instead.
 */
export async function readText(open: () => Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of open()) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  // TextDecoder drops the BOM (ignoreBOM defaults to false).
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

/** "line L, column C" (both 1-based) of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return `line ${line}, column ${column}`;
}
