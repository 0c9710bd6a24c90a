import type { RequestHandler } from "express";
import { GraphQLError } from "graphql";
import { refuse } from "../http/refuse.js";
import { requestedOperations } from "../http/request-operations.js";
import { operationsOfText, readManifest, sha256Hex } from "./manifest.js";

export const PERSISTED_QUERY_NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST";

function notInList(what: string, manifestPath: string): GraphQLError {
  return new GraphQLError(`${what} is not in the persisted query manifest (PERSISTED_QUERIES_ONLY=true, PERSISTED_QUERIES_MANIFEST=${manifestPath}).`, {
    extensions: { code: PERSISTED_QUERY_NOT_IN_LIST },
  });
}

/** Whether a document's text, printed as the manifest prints it (other spacing, say), names only listed operations. */
function printedInList(text: string, bodies: ReadonlyMap<string, string>): boolean {
  try {
    const operations = operationsOfText(text, "the request");
    return operations.length > 0 && operations.every((operation) => bodies.has(operation.id));
  } catch {
    return false; // unparsable or unnamed: not listed
  }
}

/**
 * PERSISTED_QUERIES_ONLY: refuses (400) any operation whose document is not in the manifest (by its SHA-256,
 * or once printed as the manifest prints it). An
 * operation sent by hash alone (`extensions.persistedQuery.sha256Hash`) gets its document from
 * the manifest, so clients need never send text, and a GET by hash is a stable URL for a CDN.
 */
export async function persistedQueriesOnly(manifestPath: string): Promise<RequestHandler> {
  const manifest = await readManifest(manifestPath);
  const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
  return (request, response, next) => {
    const operations = requestedOperations(request);
    for (const [index, operation] of operations.entries()) {
      const hash = (operation.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
      if (typeof operation.query === "string") {
        if (!bodies.has(sha256Hex(operation.query)) && !printedInList(operation.query, bodies)) {
          return refuse(request, response, 400, notInList("This document", manifestPath));
        }
        continue;
      }
      const body = typeof hash === "string" ? bodies.get(hash) : undefined;
      if (body === undefined) return refuse(request, response, 400, notInList(typeof hash === "string" ? `The persisted query ${hash}` : "An operation without a document", manifestPath));
      if (request.method === "GET") {
        const url = new URL(request.url, "http://gateway");
        url.searchParams.set("query", body);
        request.url = `${url.pathname}${url.search}`;
      } else if (Array.isArray(request.body)) {
        request.body[index] = { ...request.body[index], query: body };
      } else {
        request.body = { ...request.body, query: body };
      }
    }
    next();
  };
}
