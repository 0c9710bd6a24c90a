import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv, parseJson, parseXml, type FormatParser, type ParseInput } from "../../src/formats/index.js";
import { ingestLimits } from "../../src/limits.js";
import { failureOf, readAll } from "./read.js";

/*
 * A 64 MB file on one line is refused as soon as the limit is passed, having read little more
 * than the limit: what a reader buffers is bounded (INGEST_MAX_RECORD_CHARACTERS for a CSV line,
 * INGEST_MAX_DOCUMENT_BYTES for JSON and XML, which are read whole). The proof is the bytes read
 * when the refusal comes, not a time.
 */

const scratch = mkdtempSync(join(tmpdir(), "hkhealth-large-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const size = 64 * 1024 * 1024;

/** A file of `size` bytes on one line: `start`, then "x" up to the size. */
function oneLineFile(name: string, start: string): string {
  const path = join(scratch, name);
  const bytes = Buffer.alloc(size, "x");
  bytes.write(start);
  writeFileSync(path, bytes);
  return path;
}

/** Parses the file to the end or the first refusal; returns the refusal and the bytes read by then. */
async function refusalAfterReading(parser: FormatParser, path: string): Promise<{ message: string; bytesRead: number }> {
  let bytesRead = 0;
  const input: ParseInput = {
    source: path,
    open: () => createReadStream(path).on("data", (chunk) => (bytesRead += chunk.length)),
    limits: ingestLimits(),
  };
  const message = await failureOf(readAll(parser, input));
  return { message, bytesRead };
}

describe("a 64 MB file on one line", () => {
  const { maxRecordCharacters, maxDocumentBytes } = ingestLimits();
  const slack = 4 * 1024 * 1024; // read-ahead of the file stream and the parsers

  it("CSV: refused at its line past the record limit, having read about that much", async () => {
    const path = oneLineFile("one-line.csv", "Case no.,Name\n1,");
    const { message, bytesRead } = await refusalAfterReading(parseCsv, path);
    expect(message).toBe(`${path}: line 2: the record is longer than the 1,000,000 characters one record may have (INGEST_MAX_RECORD_CHARACTERS)`);
    expect(bytesRead).toBeLessThan(maxRecordCharacters + slack);
  });

  it("CSV: refused the same when the header itself is the long line", async () => {
    const path = oneLineFile("one-line-header.csv", "Case no.,");
    const { message, bytesRead } = await refusalAfterReading(parseCsv, path);
    expect(message).toMatch(/: line 1: the record is longer than/);
    expect(bytesRead).toBeLessThan(maxRecordCharacters + slack);
  });

  it.each([
    ["JSON", parseJson, '[{"Case no.":1,"Name":"'],
    ["XML", parseXml, "<cases><case><no>1</no><name>"],
  ] as const)("%s: refused past the document limit, having read about that much", async (format, parser, start) => {
    const path = oneLineFile(`one-line.${format.toLowerCase()}`, start);
    const { message, bytesRead } = await refusalAfterReading(parser, path);
    expect(message).toBe(`${path}: is larger than the 16,000,000 bytes a file of this format may have (INGEST_MAX_DOCUMENT_BYTES)`);
    expect(bytesRead).toBeLessThan(maxDocumentBytes + slack);
  });
});
