import { pipeline, type Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
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
  const lines = new RecordLines();
  let headerCells: string[] | undefined; // as read, to name the column of a syntax error
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true, // checked below, with a clearer message
    on_record: (cells, { empty_lines }) => {
      headerCells ??= cells;
      return lines.read(cells, empty_lines);
    },
  });
  const records: AsyncIterable<string[]> = pipeline(file, parser, () => {
    // errors reach the loop below through the parser
  });
  const hinted = withFormatHint(file);
  let header: string[] | undefined;
  let ordinal = 0;
  try {
    for await (const cells of records) {
      const location = `line ${lines.take()}`;
      const fail: Fail = failAt(source, location);
      if (header === undefined) {
        header = headerNames(cells, (problem, field) => fail(hinted(problem), field));
        continue;
      }
      if (cells.length !== header.length) {
        fail(hinted(`expected ${header.length} cells as in the header, got ${cells.length}`));
      }
      const fields = Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ""]));
      yield { ordinal: ++ordinal, location, fields };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const column = typeof error["column"] === "number" ? headerCells?.[error["column"]]?.trim() : undefined;
    const location = `line ${lines.startOfFailed(error)}`;
    failAt(source, location)(hinted(syntaxProblem(error)), column);
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
 * Counting happens as csv-parse reads each record (on_record), not as the loop receives it: when
 * csv-parse then fails, the records it had read but not handed over are dropped, and the line
 * of the failure must still count them.
 */
class RecordLines {
  private nextLine = 1;
  private emptyLinesSoFar = 0;
  /** Start lines of records read but not yet handed over, in order. */
  private readonly pending: number[] = [];

  /** Notes where a record csv-parse has just read starts; returns it unchanged, for on_record. */
  read(cells: string[], emptyLines: number): string[] {
    const start = this.skipEmptyLines(emptyLines);
    this.nextLine = start + 1 + cells.reduce((breaks, cell) => breaks + countLineBreaks(cell), 0);
    this.pending.push(start);
    return cells;
  }

  /** The start line of the next record handed over. */
  take(): number {
    return this.pending.shift() ?? this.nextLine;
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

/**
 * Adds what the file looks like when that is another format ("the file looks like JSON, not
 * CSV"): a JSON or XLSX file given as CSV fails with puzzling quote or cell-count errors.
 */
function withFormatHint(file: Readable): (problem: string) => string {
  let firstChunk: Buffer | undefined;
  file.once("data", (chunk: Buffer | string) => {
    firstChunk = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
  });
  return (problem) => {
    const looksLike = sniffFormat(firstChunk);
    return looksLike === undefined ? problem : `${problem} (the file looks like ${looksLike}, not CSV)`;
  };
}
