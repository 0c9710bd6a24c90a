import { QueryCancelledError } from "@hkhealth/store";
import { anyCause } from "./database-errors.js";

export const QUERY_TIMEOUT = "QUERY_TIMEOUT";
export const QUERY_CANCELLED = "QUERY_CANCELLED";

/** PostgreSQL's query_canceled: a statement timeout and pg_cancel_backend both end a statement with it. */
const QUERY_CANCELED_CODE = "57014";

function canceledFor(reason: RegExp) {
  return (candidate: Record<string, unknown>) =>
    (candidate.code === QUERY_CANCELED_CODE && typeof candidate.message === "string" && reason.test(candidate.message)) ||
    // Prisma's own message carries the code and PostgreSQL's words.
    (typeof candidate.message === "string" && candidate.message.includes(QUERY_CANCELED_CODE) && reason.test(candidate.message));
}

const timedOut = canceledFor(/statement timeout/i);
const cancelledByRequest = canceledFor(/user request/i);

/** A statement ran past STATEMENT_TIMEOUT_MS. */
export function isStatementTimeout(error: unknown): boolean {
  return anyCause(error, timedOut);
}

/** A statement cancelled, or never sent, because the client closed its request. */
export function isStatementCancelled(error: unknown): boolean {
  return anyCause(error, (candidate) => candidate instanceof QueryCancelledError || cancelledByRequest(candidate));
}

export function statementTimeoutMessage(statementTimeoutMs: number): string {
  return `The query took longer than ${statementTimeoutMs} ms (STATEMENT_TIMEOUT_MS); narrow the filter or ask for fewer records.`;
}
