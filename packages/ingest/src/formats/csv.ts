import { pipeline, type Readable } from "node:stream";
import { CsvError, parse, type Info } from "csv-parse";
import { sniffFormat } from "./detect.js";
import { failAt, type Fail } from "./fail.js";
import { headerNames } from "./header.js";
import type { FormatParser, ParseInput, RawRow } from "./types.js";

/**
 * Reads a CSV file as it streams: the first non-empty line is the header, every later non-empty
 * line a record with exactly as many cells. Values are the file's text, "" for an empty cell.
 * The file is opened when `rows` is first iterated, and every problem, the header's too, is
 * thrown from that iteration.
 */
export const parseCsv: FormatParser = async (input) => ({ metadata: {}, rows: readCsvRows(input) });

async function* readCsvRows({ source, open }: ParseInput): AsyncGenerator<RawRow> {
  const file = open();
  const records: AsyncIterable<{ record: string[]; info: Info }> = pipeline(
    file,
    parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true }),
    () => {}, // errors reach the loop below through the parser
  );
  const firstBytes = captureFirstBytes(file);
  const lines = new RecordLines();
  let header: string[] | undefined;
  let ordinal = 0;
  try {
    for await (const { record, info } of records) {
      const location = `line ${lines.startOf(record, info.empty_lines)}`;
      const fail: Fail = failAt(source, location);
      if (header === undefined) {
        header = headerNames(record, (problem, field) => fail(withFormatHint(problem, firstBytes()), field));
        continue;
      }
      if (record.length !== header.length) {
        fail(withFormatHint(`expected ${header.length} cells as in the header, got ${record.length}`, firstBytes()));
      }
      const fields = Object.fromEntries(header.map((name, index) => [name, record[index] ?? ""]));
      yield { ordinal: ++ordinal, location, fields };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const column = typeof error["column"] === "number" ? header?.[error["column"]] : undefined;
    const location = `line ${lines.startOfFailed(error)}`;
    failAt(source, location)(withFormatHint(syntaxProblem(error), firstBytes()), column);
  } finally {
    file.destroy();
  }
}

function syntaxProblem(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field starting in this record is never closed";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "a closing quote is followed by something other than a comma or the end of the line";
    case "INVALID_OPENING_QUOTE":
      return "a quote appears inside an unquoted field (quote the whole field and double inner quotes)";
    default:
      return `invalid CSV: ${error.message}`;
  }
}

/**
 * Lines where records start, counting the header as line 1. Counted here rather than taken from
 * csv-parse's `info.lines`, which counts a CRLF inside a quoted field as two lines and so drifts
 * for every later record; csv-parse's count of skipped empty lines is used as it is.
 */
class RecordLines {
  private nextLine = 1;
  private emptyLinesSoFar = 0;

  /** The line where this record starts; call once per record, in file order. */
  startOf(record: readonly string[], emptyLines: number): number {
    const start = this.skipEmptyLines(emptyLines);
    this.nextLine = start + 1 + record.reduce((breaks, cell) => breaks + countLineBreaks(cell), 0);
    return start;
  }

  /** The line where the record that csv-parse could not read starts. */
  startOfFailed(error: CsvError): number {
    const emptyLines = error["empty_lines"];
    return typeof emptyLines === "number" ? this.skipEmptyLines(emptyLines) : this.nextLine;
  }

  private skipEmptyLines(emptyLines: number): number {
    this.nextLine += emptyLines - this.emptyLinesSoFar;
    this.emptyLinesSoFar = emptyLines;
    return this.nextLine;
  }
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Keeps the file's first chunk, to say what a file that fails as CSV looks like instead. */
function captureFirstBytes(file: Readable): () => Buffer | undefined {
  let first: Buffer | undefined;
  file.once("data", (chunk: Buffer | string) => {
    first = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
  });
  return () => first;
}

function withFormatHint(problem: string, firstBytes: Buffer | undefined): string {
  const looksLike = sniffFormat(firstBytes);
  return looksLike === undefined ? problem : `${problem} (the file looks like ${looksLike}, not CSV)`;
}
