import type { Request, Response } from "express";
import type { GraphQLError } from "graphql";
import { observationOf } from "../observability/request-observation.js";

const graphqlResponseType = "application/graphql-response+json";

/**
 * Answers a request refused before it reached Apollo (unparsable or oversized body, too long a
 * document) as Apollo answers its own refusals: a GraphQL response with one error and no data,
 * in the media type the client accepts, and notes why for the request's log line.
 */
export function refuse(request: Request, response: Response, status: number, error: GraphQLError): void {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  const code = String(extensions.code ?? "BAD_REQUEST");
  const observation = observationOf(response);
  if (observation) observation.refusal = { code, message: error.message };
  const mediaType = request.accepts(["application/json", graphqlResponseType]) || "application/json";
  response
    .status(status)
    .setHeader("cache-control", "no-store") // a refusal is never cached, by a CDN or a browser
    .type(`${mediaType}; charset=utf-8`)
    .send(JSON.stringify({ errors: [{ message: error.message, extensions: { ...extensions, code } }] }));
}
