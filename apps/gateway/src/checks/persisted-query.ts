import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import { GraphQLError } from "graphql";
import { refuse } from "../http/refuse.js";
import { requestedOperations } from "../http/request-operations.js";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What is wrong with an automatic persisted query (`extensions.persistedQuery`), if anything. */
export function persistedQueryProblem(query: unknown, extensions: unknown): string | undefined {
  if (!extensions || typeof extensions !== "object" || !("persistedQuery" in extensions)) return undefined;
  const persisted = (extensions as { persistedQuery: unknown }).persistedQuery;
  if (!persisted || typeof persisted !== "object" || Array.isArray(persisted)) {
    return "`extensions.persistedQuery` must be an object: { version: 1, sha256Hash }.";
  }
  const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) return `Unsupported persisted query version ${JSON.stringify(version) ?? "(none)"}: only version 1 is supported.`;
  if (typeof sha256Hash !== "string" || !SHA256_HEX.test(sha256Hash)) {
    return "`extensions.persistedQuery.sha256Hash` must be the query's SHA-256 in 64 lowercase hex digits.";
  }
  if (typeof query === "string") {
    const actual = createHash("sha256").update(query).digest("hex");
    if (actual !== sha256Hash) return `The persisted query hash ${sha256Hash} does not match its query, whose SHA-256 is ${actual}.`;
  }
  return undefined;
}

/**
 * Refuses a malformed automatic persisted query with a 400 that says what is wrong (Apollo
 * answers these with a message and no code, which reaches the client as INTERNAL_SERVER_ERROR).
 * A well-formed hash that is not cached yet still gets the protocol's PERSISTED_QUERY_NOT_FOUND.
 */
export const refuseBadPersistedQueries: RequestHandler = (request, response, next) => {
  for (const { query, extensions } of requestedOperations(request)) {
    const problem = persistedQueryProblem(query, extensions);
    if (problem) {
      refuse(request, response, 400, new GraphQLError(problem, { extensions: { code: "BAD_REQUEST" } }));
      return;
    }
  }
  next();
};
