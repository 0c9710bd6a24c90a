/** The database could not be reached or refused the connection. Never carries a password. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    super(`Cannot reach the database at ${target}: ${causeMessage(cause)}`, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/** The database's schema could not be checked or brought up to date. One line; never a password. */
export class MigrationError extends Error {
  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    // The schema engine's messages run over several lines; the first says what happened.
    super(`Cannot migrate the database at ${target}: ${causeMessage(cause).trim().split("\n")[0]}`, { cause });
    this.name = "MigrationError";
  }
}

/** A store that could not open for a reason its operator can act on: print the message alone. */
export function isStoreOpeningError(error: unknown): error is DatabaseUnavailableError | MigrationError {
  return error instanceof DatabaseUnavailableError || error instanceof MigrationError;
}

function causeMessage(cause: unknown): string {
  if (cause instanceof AggregateError && cause.errors.length > 0) return causeMessage(cause.errors[0]);
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message || String(code);
  }
  return String(cause);
}

/** Describes a PostgreSQL URL by host, port and database name only (never user or password). */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const database = url.pathname.replace(/^\//, "") || "(default database)";
    return `postgres://${url.hostname}:${url.port || "5432"}/${database}`;
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}
