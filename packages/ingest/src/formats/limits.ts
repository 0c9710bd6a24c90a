/** The refusal of a record longer than INGEST_MAX_RECORD_CHARACTERS, the same for every format. */
export function recordTooLong(maxRecordCharacters: number): string {
  return `the record is longer than the ${maxRecordCharacters.toLocaleString("en")} characters one record may have (INGEST_MAX_RECORD_CHARACTERS)`;
}
