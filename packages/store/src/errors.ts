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
