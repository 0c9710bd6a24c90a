import { DatabaseUnavailableError } from "@hkhealth/store";

export const DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

/** Error codes that mean the database could not be reached or dropped the connection. */
const connectionCodes = new Set([
  // Sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // PostgreSQL: connection exceptions (class 08); shutting down, crashed, starting up (57P0x)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  // Prisma: cannot reach, timed out, server closed the connection, no pool connection in time
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);

/** Prisma driver adapter error kinds with the same meaning. */
const connectionKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** node-postgres says these in words only. */
const connectionMessages = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|Server has closed the connection|Connection closed/i;

/**
 * Whether `test` holds for an error or anything it wraps (GraphQL's originalError, `cause`,
 * Prisma's `meta`, an AggregateError's errors): the one walk through how pg, Prisma, the store
 * and GraphQL wrap a fault.
 */
export function anyCause(error: unknown, test: (candidate: Record<string, unknown>) => boolean, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const candidate = error as Record<string, unknown>;
  if (test(candidate)) return true;
  const wrapped = [candidate.originalError, candidate.cause, candidate.meta, ...(Array.isArray(candidate.errors) ? candidate.errors : [])];
  if (candidate.meta && typeof candidate.meta === "object") wrapped.push(...Object.values(candidate.meta));
  return wrapped.some((inner) => inner !== error && anyCause(inner, test, depth + 1));
}

/** Whether an error, or anything it wraps, says the database is out of reach. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return anyCause(
    error,
    (candidate) =>
      candidate instanceof DatabaseUnavailableError ||
      (typeof candidate.code === "string" && connectionCodes.has(candidate.code)) ||
      (typeof candidate.kind === "string" && connectionKinds.has(candidate.kind)) ||
      (typeof candidate.message === "string" && connectionMessages.test(candidate.message)),
  );
}

/** What a client is told: which database (host, port and name only: never a user or password), and to retry. */
export function databaseUnavailableMessage(target: string): string {
  return `The database (${target}) is unavailable; try again shortly.`;
}
