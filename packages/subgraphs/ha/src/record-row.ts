/** A record as this subgraph reads it from the store: its provenance and its normalised fields. */
export interface RecordRow {
  readonly recordId: string;
  readonly ingestionId: number;
  readonly observedAt: Date;
  readonly resource: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Rows as a driver returns them: observedAt may come back as text. */
export function recordRows(rows: readonly RecordRow[]): RecordRow[] {
  return rows.map((row) => ({ ...row, observedAt: new Date(row.observedAt) }));
}

/** A text field, or null when missing or empty. */
export function textField(fields: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = fields[name];
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}
