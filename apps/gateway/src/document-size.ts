import type { RequestHandler } from "express";
import { Lexer, Source, TokenKind } from "graphql";
import { limitExceeded } from "./limit-error.js";
import { refuse } from "./refuse.js";
import type { QueryLimits } from "./settings.js";

/** The GraphQL documents of a request: the `query` of a POST body (each, in a batch) or of a GET. */
function documentsOf(method: string, body: unknown, search: Record<string, unknown>): string[] {
  const entries = method === "GET" ? [search] : Array.isArray(body) ? body : [body];
  return entries.flatMap((entry) => {
    const query = entry && typeof entry === "object" ? (entry as Record<string, unknown>).query : undefined;
    return typeof query === "string" ? [query] : [];
  });
}

/** Tokens of a document, counting no further than `stop`; a lexing error ends the count (parsing reports it). */
function countTokens(document: string, stop: number): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (count <= stop && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // Not a document: Apollo's parser will say where.
  }
  return count;
}

/**
 * Refuses documents longer than MAX_QUERY_CHARACTERS or MAX_TOKENS before anything parses
 * them: parsing is the first work a request costs, and its cost grows with the document.
 */
export function refuseOversizedDocuments(limits: Pick<QueryLimits, "MAX_QUERY_CHARACTERS" | "MAX_TOKENS">): RequestHandler {
  return (request, response, next) => {
    for (const document of documentsOf(request.method, request.body, request.query)) {
      if (document.length > limits.MAX_QUERY_CHARACTERS) {
        const message = `Query characters limit of ${limits.MAX_QUERY_CHARACTERS} exceeded, found ${document.length}.`;
        refuse(request, response, 400, limitExceeded("MAX_QUERY_CHARACTERS", limits.MAX_QUERY_CHARACTERS, message, document.length));
        return;
      }
      const tokens = countTokens(document, limits.MAX_TOKENS);
      if (tokens > limits.MAX_TOKENS) {
        const message = `Token limit of ${limits.MAX_TOKENS} exceeded.`;
        refuse(request, response, 400, limitExceeded("MAX_TOKENS", limits.MAX_TOKENS, message));
        return;
      }
    }
    next();
  };
}
