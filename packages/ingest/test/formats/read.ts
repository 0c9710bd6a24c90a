import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FormatParser, ParseInput, RawRow, RawValue } from "../../src/formats/types.js";

/** Path of a fixture under test/fixtures/formats. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url));
}

/** A parse input reading a file from disk. */
export function fileInput(path: string, options: Omit<ParseInput, "source" | "open"> = {}): ParseInput {
  return { source: path, open: () => createReadStream(path), ...options };
}

export interface ReadFile {
  readonly metadata: Readonly<Record<string, RawValue>>;
  readonly rows: RawRow[];
}

/** Parses a file and collects every row, so a test sees errors thrown up front or while streaming alike. */
export async function readAll(parser: FormatParser, input: ParseInput): Promise<ReadFile> {
  const parsed = await parser(input);
  const rows: RawRow[] = [];
  for await (const row of parsed.rows) rows.push(row);
  return { metadata: parsed.metadata, rows };
}

/** The IngestError message of a failed read. */
export async function failureOf(read: Promise<unknown>): Promise<string> {
  try {
    await read;
  } catch (error) {
    if (error instanceof Error && error.name === "IngestError") return error.message;
    throw error;
  }
  throw new Error("expected the read to fail with an IngestError");
}

/** A pattern for a message that starts with a file's path, then matches `rest`. */
export function startingWith(path: string, rest: string): RegExp {
  return new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${rest}`);
}
