export { ingestFile } from "./ingest.js";
export type { IngestProgress, IngestRequest, IngestResult, IngestStatus } from "./request.js";
export { IngestError, IngestInterrupted } from "./errors.js";
export { closestNames } from "./closest-names.js";
export { rowSchemas, baseRowSchema } from "./row-schemas.js";
export { readRegistration, registrationSchema } from "./registration.js";
export { BATCH_SIZE } from "./write-ingestion.js";
export {
  detectFormat,
  sniffFormat,
  parsers,
  parseCsv,
  parseJson,
  parseXlsx,
  parseXml,
  type FileFormat,
  type FormatParser,
  type ParsedFile,
  type ParseInput,
  type RawRow,
  type RawValue,
} from "./formats/index.js";
export { normaliseValue, parseHongKongDateTime, mergeFieldType, type FieldType, type NormalisedValue } from "./values.js";
