import type { RequestHandler } from "express";
import { Lexer, parse, Source, TokenKind, type DocumentNode } from "graphql";
import { measureFragmentSpreads } from "./fragment-spreads.js";
import { limitExceeded } from "./limit-error.js";
import { refuse } from "../http/refuse.js";
import { requestedOperations } from "../http/request-operations.js";
import type { QueryLimits } from "../settings.js";

type DocumentLimits = Pick<QueryLimits, "MAX_QUERY_CHARACTERS" | "MAX_TOKENS" | "MAX_FRAGMENT_SPREADS" | "MAX_FRAGMENT_DEPTH">;

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

/** The parsed document, or undefined when it does not parse (Apollo's parser will say where). */
function parsed(document: string): DocumentNode | undefined {
  try {
    return parse(document, { noLocation: true });
  } catch {
    return undefined;
  }
}

/** Why a document is refused before Apollo sees it, if it is. */
export function documentRefusal(document: string, limits: DocumentLimits) {
  if (document.length > limits.MAX_QUERY_CHARACTERS) {
    const message = `Query characters limit of ${limits.MAX_QUERY_CHARACTERS} exceeded, found ${document.length}.`;
    return limitExceeded("MAX_QUERY_CHARACTERS", limits.MAX_QUERY_CHARACTERS, message, document.length);
  }
  if (countTokens(document, limits.MAX_TOKENS) > limits.MAX_TOKENS) {
    return limitExceeded("MAX_TOKENS", limits.MAX_TOKENS, `Token limit of ${limits.MAX_TOKENS} exceeded.`);
  }
  const parsedDocument = parsed(document);
  if (!parsedDocument) return undefined;
  const { expanded, depth } = measureFragmentSpreads(parsedDocument);
  if (depth > limits.MAX_FRAGMENT_DEPTH) {
    const message = `Fragment depth limit of ${limits.MAX_FRAGMENT_DEPTH} exceeded, found ${depth}.`;
    return limitExceeded("MAX_FRAGMENT_DEPTH", limits.MAX_FRAGMENT_DEPTH, message, depth);
  }
  if (expanded > limits.MAX_FRAGMENT_SPREADS) {
    const message = `Fragment spreads limit of ${limits.MAX_FRAGMENT_SPREADS} exceeded, found ${expanded} once fragments are expanded.`;
    return limitExceeded("MAX_FRAGMENT_SPREADS", limits.MAX_FRAGMENT_SPREADS, message, expanded);
  }
  return undefined;
}

/**
 * Refuses documents longer than MAX_QUERY_CHARACTERS or MAX_TOKENS before anything parses
 * them, then (parsing a short document is cheap) documents whose fragments expand past
 * MAX_FRAGMENT_SPREADS or nest past MAX_FRAGMENT_DEPTH, before any validation rule or the
 * query planner walks them: a few hundred characters of fragments can expand to millions.
 */
export function refuseOversizedDocuments(limits: DocumentLimits): RequestHandler {
  return (request, response, next) => {
    for (const { query } of requestedOperations(request)) {
      const refusal = typeof query === "string" ? documentRefusal(query, limits) : undefined;
      if (refusal) {
        refuse(request, response, 400, refusal);
        return;
      }
    }
    next();
  };
}
