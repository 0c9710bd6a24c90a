import { parseCsv } from "./csv.js";
import type { FileFormat } from "./detect.js";
import { parseJson } from "./json.js";
import type { FormatParser } from "./types.js";
import { parseXlsx } from "./xlsx.js";
import { parseXml } from "./xml.js";

export { detectFormat, sniffFormat, type FileFormat } from "./detect.js";
export { parseCsv, parseJson, parseXlsx, parseXml };
export type { FormatParser, ParsedFile, ParseInput, RawRow, RawValue } from "./types.js";

/** The parser for each format the ingest reads. */
export const parsers: Readonly<Record<FileFormat, FormatParser>> = {
  JSON: parseJson,
  XLSX: parseXlsx,
  CSV: parseCsv,
  XML: parseXml,
};
