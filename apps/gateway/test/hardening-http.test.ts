import { createHash } from "node:crypto";
import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import type { Store } from "@hkhealth/store";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deepJson, multipliedFragments, typenameAliases } from "./abusive-requests.js";
import { startTestGateway, storeWithPlan, type TestGateway } from "./test-gateway.js";

// Documents that cost far more than their size, and HTTP requests malformed below GraphQL, sent
// to the real gateway: each gets a 4xx naming what is wrong, and the gateway goes on answering.

let store: Store;
let subgraphs: Subgraph[];
let gateway: TestGateway;
/** Fragment depth and aliases raised, so that the other limits are the ones reached. */
let lenient: TestGateway;
/** A short request timeout, so that a body that never arrives is answered soon. */
let impatient: TestGateway;

beforeAll(async () => {
  ({ store, subgraphs } = await storeWithPlan());
  [gateway, lenient, impatient] = await Promise.all([
    startTestGateway({ store, subgraphs }),
    startTestGateway({ store, subgraphs, variables: { MAX_FRAGMENT_DEPTH: "1000", MAX_ALIASES: "1000" } }),
    startTestGateway({ store, subgraphs, variables: { REQUEST_TIMEOUT_MS: "500" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([gateway?.close(), lenient?.close(), impatient?.close()]);
  await store?.close();
});

/**
 * Sends raw bytes to the gateway's port and returns all it answers until it closes the
 * connection; each `then` request is sent once the previous answer's JSON body has arrived (kept alive).
 */
function rawHttp(target: TestGateway, request: string, ...then: string[]): Promise<string> {
  const { hostname, port } = new URL(target.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const queued = [...then];
    let received = "";
    socket.on("data", (chunk) => {
      received += String(chunk);
      // The previous answer's JSON body is whole: the connection is idle again.
      if (received.endsWith("}") && queued.length > 0) socket.write(queued.shift()!);
    });
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

/** The status and the one error of a raw HTTP answer. */
function parseAnswer(answer: string): { status: number; headers: string; error: { message: string; extensions?: Record<string, unknown> } } {
  const [headers = "", body = ""] = answer.split("\r\n\r\n");
  const parsed = JSON.parse(body) as { errors: Array<{ message: string; extensions?: Record<string, unknown> }> };
  expect(parsed.errors).toHaveLength(1);
  return { status: Number(headers.split(" ")[1]), headers, error: parsed.errors[0]! };
}

describe("documents whose fragments expand far beyond their size", () => {
  it("refuses 2^20 spreads by the fragment limits, while /health sent alongside is answered", async () => {
    const query = multipliedFragments(20);
    expect(query.length).toBeLessThan(1_000);
    const [deep, expanded, health] = await Promise.all([
      gateway.post(query),
      lenient.post(query),
      fetch(`${gateway.origin}/health`),
    ]);
    expect(health.status).toBe(200);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "MAX_FRAGMENT_DEPTH", max: 10, found: 21 });
    // With fragments allowed that deep, the expanded count refuses it: 2^21 - 1 spreads.
    expect(expanded.status).toBe(400);
    expect(expanded.body.errors?.[0]).toMatchObject({
      message: "Fragment spreads limit of 100 exceeded, found 2097151 once fragments are expanded.",
      extensions: { code: "QUERY_LIMIT_EXCEEDED", limit: "MAX_FRAGMENT_SPREADS", max: 100, found: 2097151 },
    });
  });

  it("answers a query that spreads one fragment several times: the cost is the merged selection's", async () => {
    const query = `
      { datasets(first: 100) { edges { node { id ...Records ...Records ... on Dataset { ...Records } } } } }
      fragment Records on Dataset { records(first: 50) { edges { node { id } } } }`;
    const response = await gateway.post(query);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.datasets.edges).toHaveLength(26);
  });

  it("refuses aliases of __typename under a big page by cost when aliases are allowed", async () => {
    const response = await lenient.post(typenameAliases(320));
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "MAX_COST", max: 20000 });
    expect(response.body.errors?.[0]?.extensions?.found).toBeGreaterThan(320_000);
  });
});

describe("requests malformed below GraphQL", () => {
  it("answers a body shorter than its Content-Length with 408 once REQUEST_TIMEOUT_MS passes, and closes the connection", async () => {
    const body = JSON.stringify({ query: "{ agencies { code } }" });
    const answer = await rawHttp(
      impatient,
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n${body}`,
    );
    const { status, headers, error } = parseAnswer(answer);
    expect(status).toBe(408);
    expect(headers).toMatch(/^connection: close$/im);
    expect(error.message).toBe("The request did not arrive whole within 500 ms (REQUEST_TIMEOUT_MS): is its Content-Length larger than its body?");
    // The gateway goes on answering.
    expect((await impatient.post("{ agency(code: HA) { code } }")).body).toEqual({ data: { agency: { code: "HA" } } });
  });

  it("answers headers too large with 431 and a request that is not HTTP with 400, in JSON", async () => {
    const tooLarge = parseAnswer(await rawHttp(gateway, `GET /graphql HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"x".repeat(20_000)}\r\n\r\n`));
    expect(tooLarge.status).toBe(431);
    expect(tooLarge.error).toEqual({ message: "The request's headers are too large.", extensions: { code: "BAD_REQUEST" } });
    // Also on a kept-alive connection, after a request it answered.
    const second = await rawHttp(gateway, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n", `GET /graphql HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"x".repeat(20_000)}\r\n\r\n`);
    expect(second).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(parseAnswer(second.slice(second.lastIndexOf("HTTP/1.1 "))).status).toBe(431);
    const notHttp = parseAnswer(await rawHttp(gateway, "HELLO THERE\r\n\r\n"));
    expect(notHttp.status).toBe(400);
    expect(notHttp.error.message).toBe("The request is not valid HTTP/1.1.");
  });

  it("reads a body that is compressed as it says, and refuses one that is not", async () => {
    const query = JSON.stringify({ query: "{ agency(code: DH) { code } }" });
    const gzipped = await gateway.raw({
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(query),
    });
    expect(JSON.parse(gzipped.text)).toEqual({ data: { agency: { code: "DH" } } });
    const notBrotli = await gateway.raw({ method: "POST", headers: { "content-type": "application/json", "content-encoding": "br" }, body: query });
    expect(notBrotli.status).toBe(400);
    expect(JSON.parse(notBrotli.text).errors[0].message).toBe("The request body is not valid br data (Content-Encoding: br).");
    const unknown = await gateway.raw({ method: "POST", headers: { "content-type": "application/json", "content-encoding": "zstd2" }, body: query });
    expect(unknown.status).toBe(415);
    expect(JSON.parse(unknown.text).errors[0].message).toMatch(/^Content-Encoding zstd2 is not supported/);
  });

  it("bounds the nesting of variables, by POST and GET, and takes a nested JSON value within it", async () => {
    const search = `?query=${encodeURIComponent("query Q($v: JSON) { agencies { code } }")}&variables=${encodeURIComponent(`{"v":${deepJson(1_000)}}`)}`;
    const viaGet = await gateway.raw({ search, headers: { "apollo-require-preflight": "true" } });
    expect(viaGet.status).toBe(400);
    expect(JSON.parse(viaGet.text).errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "MAX_VARIABLE_DEPTH", max: 32 });
    const deepExtensions = await gateway.raw({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"query":"{ agencies { code } }","extensions":{"x":${deepJson(100)}}}`,
    });
    expect(deepExtensions.status).toBe(400);
    expect(JSON.parse(deepExtensions.text).errors[0].message).toMatch(/^Variable depth limit of 32 exceeded: `extensions`/);
    const filter = `query F($value: JSON) { dataset(id: "ha-aed-waiting-time") { records(filter: [{ field: "hospName", eq: $value }]) { totalCount } } }`;
    const withinLimit = await gateway.post(filter, { variables: { value: JSON.parse(deepJson(20)) } });
    expect(withinLimit.body.errors?.[0]?.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
  });

  it("serves automatic persisted queries, refusing a malformed one by what is wrong", async () => {
    const query = "{ agency(code: HB) { code } }";
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const persistedQuery = { version: 1, sha256Hash };
    const post = (body: unknown) => gateway.raw({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const unknown = JSON.parse((await post({ extensions: { persistedQuery } })).text);
    expect(unknown.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(JSON.parse((await post({ query, extensions: { persistedQuery } })).text)).toEqual({ data: { agency: { code: "HB" } } });
    expect(JSON.parse((await post({ extensions: { persistedQuery } })).text)).toEqual({ data: { agency: { code: "HB" } } });
    const badHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: "not-a-hash" } } });
    expect(badHash.status).toBe(400);
    expect(JSON.parse(badHash.text).errors[0].message).toMatch(/sha256Hash` must be the query's SHA-256/);
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 3, sha256Hash } }));
    const badVersionGet = await gateway.raw({ search: `?extensions=${extensions}`, headers: { "apollo-require-preflight": "true" } });
    expect(badVersionGet.status).toBe(400);
    expect(JSON.parse(badVersionGet.text).errors[0]).toEqual({
      message: "Unsupported persisted query version 3: only version 1 is supported.",
      extensions: { code: "BAD_REQUEST" },
    });
  });
});
