import { pipeline, type Readable } from "node:stream";
import { CsvError, Parser, type Options } from "csv-parse";
import { ingestLimits } from "../limits.js";
import { sniffFormat } from "./detect.js";
import { utf8Bytes } from "./encoding.js";
import { failAt } from "./fail.js";
import { headerNames } from "./header.js";
import { recordTooLong } from "./limits.js";
import type { FormatParser, ParseInput, RawRow } from "./types.js";

/**
 * Reads a CSV file as it streams: the first non-empty line is the header, every later non-empty
 * line a record with exactly as many cells. Values are the file's text, "" for an empty cell.
 * The file is opened when `rows` is first iterated, and every problem, the header's too, is
 * thrown from that iteration.
 */
export const parseCsv: FormatParser = async (input) => ({ metadata: {}, rows: readCsvRows(input) });

async function* readCsvRows({ source, open, limits = ingestLimits() }: ParseInput): AsyncGenerator<RawRow> {
  const file = open();
  const lines = new RecordLines();
  const parser = new LineCountingParser(lines, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true, // checked below, with a clearer message
    // Bounds what csv-parse buffers: a file on one line is refused once its line passes this.
    max_record_size: limits.maxRecordCharacters,
  });
  const utf8 = (chunks: AsyncIterable<Buffer>) => utf8Bytes(source, chunks);
  const records: AsyncIterable<string[]> = pipeline(file, utf8, parser, () => {
    // errors reach the loop below through the parser
  });
  const hinted = withFormatHint(file);
  let header: Header | undefined;
  let ordinal = 0;
  try {
    for await (const cells of records) {
      const location = `line ${lines.take()}`;
      if (header === undefined) {
        header = new Header(headerNames(cells, (problem, field) => failAt(source, location)(hinted(problem), field)));
        continue;
      }
      if (cells.length !== header.names.length) {
        failAt(source, location)(hinted(`expected ${header.names.length} cells as in the header, got ${cells.length}`));
      }
      yield { ordinal: ++ordinal, location, fields: header.fields(cells) };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === "CSV_MAX_RECORD_SIZE") {
      failAt(source, `line ${lines.startOfFailed(error)}`)(recordTooLong(limits.maxRecordCharacters));
    }
    const column = typeof error["column"] === "number" ? lines.headerCells?.[error["column"]]?.trim() : undefined;
    const location = `line ${lines.startOfFailed(error)}`;
    failAt(source, location)(hinted(syntaxProblem(error)), column);
  } finally {
    file.destroy();
  }
}

/** The header's names, and a row's cells as fields named by them. */
class Header {
  readonly names: readonly string[];
  /** Assigning "__proto__" would set the prototype rather than a field: such a header goes through Object.fromEntries. */
  readonly #plain: boolean;

  constructor(names: readonly string[]) {
    this.names = names;
    this.#plain = !names.includes("__proto__");
  }

  fields(cells: readonly string[]): Record<string, string> {
    const names = this.names;
    if (!this.#plain) return Object.fromEntries(names.map((name, index) => [name, cells[index] ?? ""]));
    const fields: Record<string, string> = {};
    for (let index = 0; index < names.length; index++) fields[names[index] as string] = cells[index] ?? "";
    return fields;
  }
}

/**
 * csv-parse's stream, noting where each record starts as csv-parse hands it over (the parser's
 * `info` is up to date at that moment). Done here rather than with the `on_record` option, which
 * builds an info object for every record.
 */
class LineCountingParser extends Parser {
  readonly #lines: RecordLines;

  constructor(lines: RecordLines, options: Options) {
    super(options);
    this.#lines = lines;
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (Array.isArray(record)) this.#lines.read(record as string[], this.info.empty_lines);
    return super.push(record, encoding);
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
 * Counting happens as csv-parse hands each record to its stream, not as the loop receives it: when
 * csv-parse then fails, the records in the stream that the loop has not received are dropped, and
 * the line of the failure must still count them.
 */
class RecordLines {
  /** The first record read, as read: names the column of a syntax error. */
  headerCells: string[] | undefined;
  private nextLine = 1;
  private emptyLinesSoFar = 0;
  /** Start lines of records read but not yet handed over, in order. */
  private readonly pending: number[] = [];

  /** Notes where a record csv-parse has just read starts. */
  read(cells: string[], emptyLines: number): void {
    this.headerCells ??= cells;
    const start = this.skipEmptyLines(emptyLines);
    let breaks = 0;
    for (const cell of cells) breaks += countLineBreaks(cell);
    this.nextLine = start + 1 + breaks;
    this.pending.push(start);
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
  if (!text.includes("\n") && !text.includes("\r")) return 0;
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
