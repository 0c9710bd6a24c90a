import { EventEmitter } from "node:events";
import type { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { IngestError } from "../errors.js";
import { failAt, type Fail } from "./fail.js";
import { headerNames } from "./header.js";
import type { FormatParser, ParseInput, RawRow, RawValue } from "./types.js";

/**
 * Reads one sheet of an XLSX workbook as it streams: `sheet`, else the first. Its first non-empty
 * row is the header; empty rows are skipped. Numbers and booleans stay as they are, dates become
 * "YYYY-MM-DD" ("YYYY-MM-DDTHH:mm:ss" with a time: Excel keeps no zone), rich text, hyperlinks
 * and formulas give their text or result, and an empty cell "". The file is opened when `rows`
 * is first iterated, and every problem is thrown from that iteration.
 */
export const parseXlsx: FormatParser = async (input) => ({ metadata: {}, rows: readXlsxRows(input) });

async function* readXlsxRows({ source, open, sheet }: ParseInput): AsyncGenerator<RawRow> {
  // Loaded here, not with the module: exceljs takes most of a second to load, and only XLSX needs it.
  const { default: excel } = await import("exceljs");
  const file = open();
  const guard = new FileErrorGuard(file);
  // styles: "cache" is what lets exceljs tell a date cell from a number.
  const workbook = new excel.stream.xlsx.WorkbookReader(file, { styles: "cache", sharedStrings: "cache", hyperlinks: "ignore" });
  const wanted = () => sheet ?? sheetNames(workbook)[0];
  // Stepped by hand rather than by for-await, which would close exceljs's reader on the way out.
  const worksheets = guard.iterate(workbook);
  const seen: string[] = [];
  let found = false;
  try {
    for (let step = await worksheets.next(); !step.done; step = await worksheets.next()) {
      const worksheet = step.value;
      const name = (worksheet as { name?: string }).name ?? `sheet ${seen.length + 1}`;
      seen.push(name);
      if (name !== (wanted() ?? name)) {
        discard(worksheet);
        continue;
      }
      found = true;
      try {
        yield* sheetRows(source, name, guard.iterate(worksheet));
      } finally {
        discard(worksheet);
      }
      break;
    }
  } catch (error) {
    if (error instanceof IngestError || guard.isFileError(error)) throw error;
    throw new IngestError(source, `not a readable XLSX workbook (${(error as Error).message})`);
  } finally {
    // Reading on to the end of the workbook (skipping what is left) lets exceljs delete the
    // temporary files it spilled sheets into; stopping early would leave them until the process exits.
    if (!guard.hasFailed) await finishWorkbook(worksheets);
    else await worksheets.return(undefined);
    file.destroy();
  }
  if (found) return;
  if (seen.length === 0) throw new IngestError(source, "not a readable XLSX workbook (it has no worksheets)");
  const names = sheetNames(workbook).length > 0 ? sheetNames(workbook) : seen;
  throw new IngestError(source, `no sheet named ${JSON.stringify(wanted())}; the sheets are: ${names.join(", ")}`);
}

async function* sheetRows(source: string, sheetName: string, rows: AsyncIterable<ExcelJS.Row>): AsyncGenerator<RawRow> {
  let header: string[] | undefined;
  let ordinal = 0;
  for await (const row of rows) {
    const cells = rowCells(row);
    if (cells.every((cell) => cell === "")) continue;
    const location = `row ${row.number} of sheet ${sheetName}`;
    const fail: Fail = failAt(source, location);
    if (header === undefined) {
      header = headerNames(cells.map(String), fail);
      continue;
    }
    const beyondHeader = cells.findIndex((cell, index) => index >= (header?.length ?? 0) && cell !== "");
    if (beyondHeader !== -1) fail(`column ${beyondHeader + 1} has a value but the header names only ${header.length} columns`);
    const fields = Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ""]));
    yield { ordinal: ++ordinal, location, fields };
  }
}

/**
 * A worksheet that comes before the shared strings is spilled by exceljs to a temporary file and
 * read back through a file stream, which exceljs deletes as soon as the next sheet is asked for:
 * a stream left unread could then fail to open with nobody listening (an unhandled ENOENT).
 * Closing it, with a listener, before going on prevents that. A sheet read straight from the zip
 * has no stream of its own here; exceljs drains its entry.
 */
function discard(worksheet: ExcelJS.stream.xlsx.WorksheetReader): void {
  const stream = (worksheet as unknown as { iterator?: unknown }).iterator;
  if (!(stream instanceof EventEmitter) || !("destroy" in stream)) return;
  stream.on("error", () => {});
  (stream as Readable).destroy();
}

/** Skips the rest of an early-stopped workbook, so exceljs reaches the end and cleans up. */
async function finishWorkbook(worksheets: AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader>): Promise<void> {
  try {
    for (let step = await worksheets.next(); !step.done; step = await worksheets.next()) discard(step.value);
  } catch {
    // A workbook that fails further on was already refused or is not read further: nothing to report.
  }
}

/** A row's values from column A on; exceljs puts column A at index 1. */
function rowCells(row: ExcelJS.Row): RawValue[] {
  const values = row.values;
  if (!Array.isArray(values)) return [];
  return Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) => cellValue(values[index + 1]));
}

function cellValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return cellValue(value.text);
  if ("formula" in value || "sharedFormula" in value) return cellValue(value.result);
  if ("error" in value) return value.error;
  return "";
}

/**
 * Excel stores a date-time as a day count with no zone, and exceljs turns it into a Date whose
 * UTC fields are that wall-clock time; so the UTC fields are written out, without a zone.
 */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** Sheet names in workbook order, once exceljs has read xl/workbook.xml. */
function sheetNames(workbook: ExcelJS.stream.xlsx.WorkbookReader): string[] {
  const model = workbook.model as Partial<ExcelJS.WorkbookModel> | undefined;
  return (model?.sheets ?? []).map((sheet) => sheet.name);
}

/**
 * exceljs pipes the file into its unzipper without passing on the file's errors, so a read error
 * would leave its iterators waiting forever (and be unhandled). Racing every step against the
 * file's "error" event turns that into a thrown error.
 */
class FileErrorGuard {
  private readonly failed: Promise<never>;
  private error: unknown;

  constructor(file: Readable) {
    this.failed = new Promise<never>((_, reject) => {
      file.once("error", (error) => {
        this.error = error;
        reject(error);
      });
    });
    this.failed.catch(() => {}); // raced below; not unhandled when nobody is waiting
  }

  /** Whether the file itself failed to read. */
  get hasFailed(): boolean {
    return this.error !== undefined;
  }

  isFileError(error: unknown): boolean {
    return error !== undefined && error === this.error;
  }

  async *iterate<T>(iterable: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = iterable[Symbol.asyncIterator]();
    let finished = false;
    try {
      for (;;) {
        const step = await Promise.race([iterator.next(), this.failed]);
        if (step.done) {
          finished = true;
          return;
        }
        yield step.value;
      }
    } finally {
      // Closes exceljs's generator when the reader stops early; skipped after a file error,
      // where the generator is stuck mid-step and closing it would wait forever.
      if (!finished && this.error === undefined) await iterator.return?.();
    }
  }
}
