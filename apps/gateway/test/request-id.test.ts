import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { HeaderMap } from "@apollo/server";
import { describe, expect, it } from "vitest";
import {
  assignRequestId,
  forwardRequestId,
  REQUEST_ID_ATTRIBUTE,
  REQUEST_ID_HEADER,
  requestIdAttributes,
  requestIdOf,
} from "../src/observability/request-id.js";

// The request id's rules, on Node's own request and response objects: no server, no socket opened.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function exchange(headers: Record<string, string | string[]>) {
  const request = new IncomingMessage(new Socket());
  Object.assign(request.headers, headers);
  return { request, response: new ServerResponse(request) };
}

/** What a data source is given for a fetch made while answering a request with these headers. */
function fetchFor(incomingHeaders: Record<string, string> | undefined): GraphQLDataSourceProcessOptions {
  const request = { query: "{ agencies { code } }" };
  if (!incomingHeaders) return { kind: "HEALTH_CHECK", request, context: {} } as unknown as GraphQLDataSourceProcessOptions;
  const http = { method: "POST", headers: new HeaderMap(Object.entries(incomingHeaders)), search: "" };
  return { kind: "INCOMING_OPERATION", request, context: {}, incomingRequestContext: { request: { http } } } as unknown as GraphQLDataSourceProcessOptions;
}

describe("a request's id", () => {
  it("is the caller's x-request-id when it is short and made of safe characters", () => {
    for (const id of ["req-abc.123", "a", "trace:1@edge_2", "x".repeat(128)]) expect(requestIdOf({ [REQUEST_ID_HEADER]: id })).toBe(id);
  });

  it("is a new UUID when the caller's is missing, too long, repeated or has other characters", () => {
    const refused: Array<string | string[] | undefined> = [undefined, "", "x".repeat(129), "two words", "line\nbreak", "<script>", "ünï", ["a", "b"]];
    for (const given of refused) {
      const headers = given === undefined ? {} : { [REQUEST_ID_HEADER]: given };
      expect(requestIdOf(headers as Record<string, string>)).toMatch(uuid);
    }
    expect(requestIdOf({})).not.toBe(requestIdOf({}));
  });

  it("is answered in the response header and replaces the request's own, so nothing later reads an unchecked one", () => {
    const kept = exchange({ [REQUEST_ID_HEADER]: "req-1" });
    expect(assignRequestId(kept.request, kept.response)).toBe("req-1");
    expect(kept.response.getHeader(REQUEST_ID_HEADER)).toBe("req-1");

    const replaced = exchange({ [REQUEST_ID_HEADER]: "not acceptable" });
    const given = assignRequestId(replaced.request, replaced.response);
    expect(given).toMatch(uuid);
    expect(replaced.request.headers[REQUEST_ID_HEADER]).toBe(given);
    expect(replaced.response.getHeader(REQUEST_ID_HEADER)).toBe(given);
  });

  it("is on the request's span as an attribute", () => {
    const { request, response } = exchange({ [REQUEST_ID_HEADER]: "bad id" });
    const given = assignRequestId(request, response);
    expect(requestIdAttributes(request)).toEqual({ [REQUEST_ID_ATTRIBUTE]: given });
  });

  it("is forwarded to a subgraph service with each fetch of the request, and not with fetches that have no request", () => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    forwardRequestId(fetchFor({ [REQUEST_ID_HEADER]: "req-42" }), headers);
    expect(headers).toEqual({ "content-type": "application/json", [REQUEST_ID_HEADER]: "req-42" });

    const healthCheck: Record<string, string> = {};
    forwardRequestId(fetchFor(undefined), healthCheck);
    forwardRequestId(fetchFor({}), healthCheck);
    expect(healthCheck).toEqual({});
  });
});
