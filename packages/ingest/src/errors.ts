/**
 * Bad input to an ingest: names the file, where in it (line, row or path) and the field, so a
 * person can find and fix it. Nothing has been written when this is thrown.
 */
export class IngestError extends Error {
  constructor(
    readonly source: string,
    readonly problem: string,
    readonly location?: string,
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(
      [source, location, field === undefined ? undefined : `field ${JSON.stringify(field)}`, problem]
        .filter((part) => part !== undefined)
        .join(": "),
      options,
    );
    this.name = "IngestError";
  }
}

/** The ingest was stopped (Ctrl-C) before it committed: its transaction was rolled back. */
export class IngestInterrupted extends IngestError {
  constructor(source: string) {
    super(source, "interrupted: rolled back, nothing written");
    this.name = "IngestInterrupted";
  }
}

/** Throws IngestInterrupted for `source` once `signal` has aborted. */
export function stopIfInterrupted(signal: AbortSignal | undefined, source: string): void {
  if (signal?.aborted) throw new IngestInterrupted(source);
}

/** A value as a message shows it: as JSON, cut to 60 characters. */
export function quoteValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
