import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export const REQUEST_ID_HEADER = "x-request-id";

/** Ids a client or proxy may choose: short, and safe to log and echo back. */
const acceptableId = /^[\w.:@-]{1,128}$/;

/** The request's id: the caller's x-request-id when it is a sane one, a new UUID otherwise. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  return typeof given === "string" && acceptableId.test(given) ? given : randomUUID();
}
