import { IngestError } from "./errors.js";
import { detectFormat, parsers, sniffFormat, type FileFormat } from "./formats/index.js";
import type { FetchedFile } from "./source/index.js";

const accepted = Object.keys(parsers).join(", ");

/** The format given, else the one the file's name, Content-Type or first bytes tell. */
export function chooseFormat(file: FetchedFile, requested: FileFormat | undefined): FileFormat {
  if (requested !== undefined) {
    if (Object.hasOwn(parsers, requested)) return requested;
    throw new IngestError(file.location, `unknown format ${JSON.stringify(requested)}; the formats read are ${accepted}`);
  }
  const detected = detectFormat(file.location, file.contentType, file.firstBytes);
  if (detected !== undefined) return detected;
  const contentType = file.contentType === undefined ? "" : ` (Content-Type ${file.contentType})`;
  throw new IngestError(file.location, `cannot tell the format from the name${contentType} or the first bytes; give one of ${accepted}`);
}

/**
 * Adds what the file looks like to a reading error when that is not the format it was read as:
 * "not UTF-8 text" puzzles someone who gave an XLSX file as JSON. (The CSV reader says so itself.)
 */
export function withFormatHint(error: unknown, file: FetchedFile, format: FileFormat): unknown {
  const looksLike = sniffFormat(file.firstBytes);
  if (!(error instanceof IngestError) || looksLike === undefined || looksLike === format || error.problem.includes("the file looks like")) return error;
  return new IngestError(error.source, `${error.problem} (the file looks like ${looksLike}, not ${format})`, error.location, error.field, { cause: error });
}
