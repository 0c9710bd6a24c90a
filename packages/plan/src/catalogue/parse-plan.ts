import { DataFormat, updateFrequencyFromPlanText } from "../model/enums.js";
import type { PlanSection } from "./types.js";

/** One release row of the plan document, as read from the text. */
export interface PlanRow {
  /** "A1".."D19"; continuation rows share the label of the numbered row above them. */
  readonly planRow: string;
  readonly section: PlanSection;
  /** The name cell with pieces broken across lines joined by a space. */
  readonly planName: string;
  /** "YYYY-MM". */
  readonly month: string;
  /** The frequency cell as printed, e.g. "每日 (於高峰期間)". */
  readonly frequencyText: string;
  /** Formats named in the remarks, in order of first mention. */
  readonly formats: DataFormat[];
  /** Remarks without HTML, one line per paragraph or space-separated sentence. */
  readonly descriptionZh: string;
  /** 1-based line number where the row starts. */
  readonly line: number;
}

const CELLS_PER_ROW = 5;
// "A. 在 2022 年…", "## C. 其他機構…": a lettered heading opens a section.
const SECTION_HEADING = /^(?:#{1,3}\s+)?([A-D])\.\s/;
// "### (1) 醫院管理局": an organisation sub-heading inside section C; carries no row data.
const SUB_HEADING = /^#{1,3}\s+\(\d+\)\s/;
// "--\t--\t--\t--\t-----": a table rule left by the conversion.
const RULE_LINE = /^-+(?:\t-+)+\s*$/;
const MONTH_CELL = /^(0[1-9]|1[0-2])\/(\d{4})$/;
const FORMAT_NAME = /JSON|XLSX|CSV|XML/g;

/**
 * Removes the HTML the conversion left in remarks. A closing </p> ends a paragraph, so it
 * becomes a line break; every other tag (<p>, <b>, …) is dropped and its text kept.
 */
export function stripPlanHtml(html: string): string {
  return html.replace(/<\/p\s*>/gi, "\n").replace(/<[^>]*>/g, "");
}

/**
 * Turns the remark pieces of one row into its description: HTML stripped, and each run of two
 * or more spaces (how the conversion separates the lines of a cell) made a line break. Lines
 * are trimmed and empty ones dropped; all other characters are kept as written.
 */
export function normaliseRemarks(pieces: readonly string[]): string {
  return pieces
    .flatMap((piece) => stripPlanHtml(piece).split(/\n| {2,}/))
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Formats named in a description, each once, in order of first mention. */
export function formatsNamedIn(description: string): DataFormat[] {
  const names = [...description.matchAll(FORMAT_NAME)].map((match) => match[0]);
  return [...new Set(names)].map((name) => DataFormat[name as keyof typeof DataFormat]);
}

/** A dataset as it is being read: its name may still gain pieces from a later line. */
interface DatasetDraft {
  readonly planRow: string;
  readonly section: PlanSection;
  readonly nameParts: string[];
}

interface RowDraft {
  readonly dataset: DatasetDraft;
  readonly month: string;
  readonly frequencyText: string;
  readonly remarks: string[];
  readonly line: number;
}

function fail(line: number, why: string, text: string): never {
  throw new Error(`plan document line ${line}: ${why}: ${JSON.stringify(text)}`);
}

function parseMonth(cell: string, line: number): string {
  const match = MONTH_CELL.exec(cell);
  if (!match) fail(line, "expected a month as MM/YYYY", cell);
  return `${match[2]}-${match[1]}`;
}

function checkFrequency(cell: string, line: number): string {
  if (!(cell in updateFrequencyFromPlanText)) fail(line, "unknown update frequency", cell);
  return cell;
}

/**
 * Reads the plan document (tab-separated table rows under lettered section headings) into one
 * entry per release row, in document order. Throws, naming the line, on anything it does not
 * recognise, so a changed document is noticed rather than half-read.
 */
export function parsePlanDocument(text: string): PlanRow[] {
  const drafts: RowDraft[] = [];
  let section: PlanSection | undefined;
  // The last numbered row of the current section: continuation lines belong to it.
  let dataset: DatasetDraft | undefined;

  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\r$/, "");
    if (content.trim() === "") return;

    if (!content.includes("\t")) {
      const heading = SECTION_HEADING.exec(content);
      if (heading) {
        section = heading[1] as PlanSection;
        dataset = undefined;
        return;
      }
      // Before the first section come the document's title lines; after it, only an
      // organisation sub-heading may stand outside the table (its rows stay in the section).
      if (section !== undefined && !SUB_HEADING.test(content)) fail(line, "unexpected text outside a table", content);
      return;
    }

    if (RULE_LINE.test(content)) return;
    const cells = content.split("\t").map((cell) => cell.trim());
    if (cells.length !== CELLS_PER_ROW) fail(line, `expected ${CELLS_PER_ROW} tab-separated cells, found ${cells.length}`, content);
    const [numberCell, nameCell, monthCell, frequencyCell, remarksCell] = cells as [string, string, string, string, string];
    if (numberCell === "#") return; // column header row
    if (!section) fail(line, "table row before any section heading", content);

    if (/^\d+$/.test(numberCell)) {
      // A numbered row: a new dataset with its first release.
      if (nameCell === "") fail(line, "numbered row without a name", content);
      dataset = { planRow: `${section}${numberCell}`, section, nameParts: [nameCell] };
      drafts.push({ dataset, month: parseMonth(monthCell, line), frequencyText: checkFrequency(frequencyCell, line), remarks: [remarksCell], line });
    } else if (numberCell === "" && monthCell !== "") {
      // Empty number, own month: another release of the dataset above (D1, D2).
      if (!dataset) fail(line, "continuation row without a numbered row above it", content);
      if (nameCell !== "") fail(line, "continuation row with its own name", content);
      drafts.push({ dataset, month: parseMonth(monthCell, line), frequencyText: checkFrequency(frequencyCell, line), remarks: [remarksCell], line });
    } else if (numberCell === "" && frequencyCell === "" && (nameCell !== "" || remarksCell !== "")) {
      // Empty number and month: text the conversion pushed onto a later line (D8, D14 names,
      // the C5 and D8 remark tails). It finishes the row above.
      const last = drafts.at(-1);
      if (!dataset || !last || last.dataset !== dataset) fail(line, "broken-text line without a row above it", content);
      if (nameCell !== "") dataset.nameParts.push(nameCell);
      if (remarksCell !== "") last.remarks.push(remarksCell);
    } else {
      fail(line, "unrecognised table row", content);
    }
  });

  return drafts.map((draft) => {
    const descriptionZh = normaliseRemarks(draft.remarks);
    if (descriptionZh === "") fail(draft.line, "row without remarks", draft.dataset.planRow);
    return {
      planRow: draft.dataset.planRow,
      section: draft.dataset.section,
      planName: draft.dataset.nameParts.join(" "),
      month: draft.month,
      frequencyText: draft.frequencyText,
      formats: formatsNamedIn(descriptionZh),
      descriptionZh,
      line: draft.line,
    };
  });
}
