import type { Store } from "@hkhealth/store";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abusiveRequests, aliases, nested, sendAbusive } from "./abusive-requests.js";
import { startTestGateway, storeWithPlan, type TestGateway } from "./test-gateway.js";

// Abusive and malformed requests against a gateway with the default limits: each is refused
// with an error naming the limit and its value (or the fault), and the gateway goes on
// answering exactly as before.

let store: Store;
let subgraphs: Subgraph[];
let gateway: TestGateway;
let batching: TestGateway;

const catalogue = `query Catalogue {
  datasets(first: 100) { totalCount edges { node { id title agency { code } releases { id status(asOf: "2024-01-01") } } } }
  agencies { code name }
}`;
let catalogueBefore: unknown;

beforeAll(async () => {
  ({ store, subgraphs } = await storeWithPlan());
  gateway = await startTestGateway({ store, subgraphs });
  batching = await startTestGateway({ store, subgraphs, variables: { ALLOW_BATCHED_REQUESTS: "true", MAX_BATCH_SIZE: "3" } });
  catalogueBefore = (await gateway.post(catalogue)).body;
});
afterAll(async () => {
  await gateway?.close();
  await batching?.close();
  await store?.close();
});

/** `{ agency { profile { … on HospitalAuthorityProfile { agency { profile … } } } } }`: deep but no list. */
function singular(depth: number): string {
  let query = "code";
  for (let level = depth - 1; level >= 1; level--) {
    const field = level === 1 ? "agency(code: HA)" : level % 2 === 1 ? "agency" : "profile";
    query = field === "profile" ? `profile { ... on HospitalAuthorityProfile { ${query} } }` : `${field} { ${query} }`;
  }
  return `{ ${query} }`;
}

/** Expects one refusal: HTTP 400 (or `status`), no data, and an error naming the limit and its value. */
async function expectRefused(
  response: Promise<{ status: number; body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }>,
  limit: string,
  max: number,
  message: RegExp,
  status = 400,
) {
  const { status: actualStatus, body } = await response;
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  expect(body.errors?.[0]?.message).toMatch(message);
  expect(body.errors?.[0]?.message).toContain(String(max));
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit, max });
  expect(body.data).toBeUndefined();
  expect(actualStatus).toBe(status);
}

describe("the fixed set of abusive requests", () => {
  it.each(abusiveRequests)("refuses $name", async (request) => {
    const { status, text, body } = await sendAbusive(gateway.url, request);
    expect(status).toBe(request.status);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toMatch(request.error.message);
    if (request.error.limit) {
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: request.error.limit, max: request.error.max });
    }
    if (request.error.code) expect(body.errors?.[0]?.extensions?.code).toBe(request.error.code);
    expect(body.errors?.[0]?.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
    expect(text).not.toMatch(/stacktrace|node_modules/);
  });
});

describe("abusive queries are refused, naming the limit", () => {
  it("deep nesting (MAX_DEPTH 10), also when hidden in fragments", async () => {
    expect((await gateway.post(singular(10))).body).toMatchObject({ data: { agency: { profile: { agency: { profile: {} } } } } });
    await expectRefused(gateway.post(singular(11)), "MAX_DEPTH", 10, /^Query depth limit of 10 exceeded, found 11\.$/);
    await expectRefused(gateway.post(nested(11)), "MAX_DEPTH", 10, /^Query depth limit of 10 exceeded, found 11\.$/);
    const throughFragments = `
      query Deep { agencies { ...A } }
      fragment A on Agency { datasets { ...D } }
      fragment D on Dataset { agency { datasets { agency { datasets { agency { datasets { agency { datasets { id } } } } } } } } }`;
    await expectRefused(gateway.post(throughFragments), "MAX_DEPTH", 10, /Query depth limit of 10 exceeded, found 1[1-9]/);
  });

  it("many aliases (MAX_ALIASES 15)", async () => {
    expect((await gateway.post(aliases(15))).body.errors).toBeUndefined();
    await expectRefused(gateway.post(aliases(16)), "MAX_ALIASES", 15, /^Aliases limit of 15 exceeded, found 16\.$/);
  });

  it("many root fields (MAX_ROOT_FIELDS 20), repeats included", async () => {
    await expectRefused(gateway.post(`{ ${"agencies { code } ".repeat(21)}}`), "MAX_ROOT_FIELDS", 20, /^Root fields limit of 20 exceeded, found 21\.$/);
  });

  it("a huge `first` (MAX_PAGE_SIZE 1000), literal or in a variable, at any depth", async () => {
    await expectRefused(
      gateway.post(`{ datasets(first: 1000000) { totalCount } }`),
      "MAX_PAGE_SIZE",
      1000,
      /^Page size limit of 1000 exceeded, found first: 1000000 on Query\.datasets\.$/,
    );
    await expectRefused(
      gateway.post(`query Page($first: Int) { datasets(first: $first) { totalCount } }`, { variables: { first: 5000 } }),
      "MAX_PAGE_SIZE",
      1000,
      /found first: 5000 on Query\.datasets/,
    );
    await expectRefused(
      gateway.post(`{ dataset(id: "ha-aed-waiting-time") { records(first: 2000000000) { totalCount } } }`),
      "MAX_PAGE_SIZE",
      1000,
      /found first: 2000000000 on Dataset\.records/,
    );
    // Under the gateway's cap, each subgraph still applies its own (100 datasets a page).
    const overSubgraphCap = await gateway.post(`{ datasets(first: 500) { totalCount } }`);
    expect(overSubgraphCap.body.errors?.[0]?.message).toBe('"first" must be between 1 and 100, got 500');
  });

  it("a costly query (MAX_COST 20000: the values the response may hold), counted with the variables sent", async () => {
    const perDataset = `query Costly($records: Int) { datasets(first: 100) { edges { node { records(first: $records) { edges { node { id } } } } } } }`;
    expect((await gateway.post(perDataset, { variables: { records: 20 } })).body.errors).toBeUndefined();
    await expectRefused(
      gateway.post(perDataset, { variables: { records: 1000 } }),
      "MAX_COST",
      20000,
      /^Query cost limit of 20000 exceeded, found 300301 \(values the response may hold\)\.$/,
    );
    // Unpaginated lists count too: agencies → datasets → agency → datasets …
    await expectRefused(gateway.post(nested(10)), "MAX_COST", 20000, /Query cost limit of 20000 exceeded, found \d+/);
  });

  it("an oversized document: characters (MAX_QUERY_CHARACTERS 10000) and tokens (MAX_TOKENS 1000), also in GET", async () => {
    const padded = `{ agencies { code } }\n#${"x".repeat(10_000)}`;
    await expectRefused(gateway.post(padded), "MAX_QUERY_CHARACTERS", 10000, /^Query characters limit of 10000 exceeded, found 10023\.$/);
    const manyTokens = `{ agencies { ${"code ".repeat(1000)}} }`;
    await expectRefused(gateway.post(manyTokens), "MAX_TOKENS", 1000, /^Token limit of 1000 exceeded\.$/);
    const viaGet = gateway.raw({ search: `?query=${encodeURIComponent(manyTokens)}`, headers: { "apollo-require-preflight": "true" } });
    const { status, text } = await viaGet;
    await expectRefused(Promise.resolve({ status, body: JSON.parse(text) }), "MAX_TOKENS", 1000, /Token limit of 1000/);
  });

  it("an oversized body (MAX_BODY_BYTES 100000): 413", async () => {
    const body = JSON.stringify({ query: "{ agencies { code } }", variables: { padding: "x".repeat(100_000) } });
    const { status, text } = await gateway.raw({ method: "POST", headers: { "content-type": "application/json" }, body });
    await expectRefused(Promise.resolve({ status, body: JSON.parse(text) }), "MAX_BODY_BYTES", 100000, /^Request body limit of 100000 bytes exceeded\.$/, 413);
  });
});

describe("malformed requests are refused with a GraphQL error, never a stack trace", () => {
  const post = (body: string, contentType?: string) =>
    gateway.raw({ method: "POST", headers: { ...(contentType && { "content-type": contentType }), accept: "application/json" }, body });

  function expectGraphQLError(response: { status: number; headers: Headers; text: string }, status: number, message: RegExp) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = JSON.parse(response.text);
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(response.text).not.toMatch(/stacktrace|\n\s+at |node_modules/);
  }

  it("a batched array while batching is off", async () => {
    const batch = JSON.stringify([{ query: "{ agencies { code } }" }, { query: "{ agencies { name } }" }]);
    expectGraphQLError(await post(batch, "application/json"), 400, /batching disabled/i);
  });

  it("a body that is not JSON", async () => {
    expectGraphQLError(await post('{"query": "{ agencies { code } }"', "application/json"), 400, /^The request body is not valid JSON\.$/);
    expectGraphQLError(await post("not json at all", "application/json"), 400, /not valid JSON/);
  });

  it("a wrong or missing content type (CSRF prevention stays on)", async () => {
    const body = JSON.stringify({ query: "{ agencies { code } }" });
    expectGraphQLError(await post(body, "text/plain"), 400, /Cross-Site Request Forgery/);
    expectGraphQLError(await post(body, "application/x-www-form-urlencoded"), 400, /Cross-Site Request Forgery/);
    const xml = await post("<query>{ agencies { code } }</query>", "application/xml");
    expect(xml.status).toBeGreaterThanOrEqual(400);
    expect(xml.status).toBeLessThan(500);
    expect(JSON.parse(xml.text).errors).toHaveLength(1);
    const none = await post(body);
    expect(none.status).toBeGreaterThanOrEqual(400);
    expect(none.status).toBeLessThan(500);
  });

  it("a mutation, by GET or POST: the graph has none (ingest is a CLI only)", async () => {
    const search = `?query=${encodeURIComponent("mutation { ingest }")}`;
    const plainGet = await gateway.raw({ search });
    expect(plainGet.status).toBe(400); // no preflight header: refused as a possible CSRF
    const readOnly = "This graph is read-only: it has no mutations, only queries.";
    const get = await gateway.raw({ search, headers: { "apollo-require-preflight": "true" } });
    expect(get.status).toBe(400);
    expect(JSON.parse(get.text).errors[0].message).toBe(readOnly);
    const posted = await gateway.post("mutation { ingest }");
    expect(posted.status).toBe(400);
    expect(posted.body.errors?.[0]?.message).toBe(readOnly);
    const subscription = await gateway.post("subscription { records }");
    expect(subscription.status).toBe(400);
    // A query by GET works, with a header a cross-site form cannot send.
    const query = await gateway.raw({ search: `?query=${encodeURIComponent("{ agency(code: HA) { code } }")}`, headers: { "apollo-require-preflight": "true" } });
    expect(JSON.parse(query.text)).toEqual({ data: { agency: { code: "HA" } } });
  });

  it("variables of the wrong shape", async () => {
    const response = await gateway.post(`query Page($first: Int) { datasets(first: $first) { totalCount } }`, { variables: { first: "many" } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("batching, when switched on (ALLOW_BATCHED_REQUESTS, MAX_BATCH_SIZE)", () => {
  const postBatch = (operations: object[]) =>
    batching.raw({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(operations) });

  it("answers each operation of a batch, each judged by the limits on its own", async () => {
    const fine = await postBatch([{ query: "{ agency(code: HB) { code } }" }, { query: "{ agency(code: DH) { code } }" }]);
    expect(fine.status).toBe(200);
    expect(JSON.parse(fine.text)).toEqual([{ data: { agency: { code: "HB" } } }, { data: { agency: { code: "DH" } } }]);
    const response = await postBatch([{ query: "{ agency(code: HB) { code } }" }, { query: nested(11) }]);
    // One status for the whole batch: the refused operation's.
    expect(response.status).toBe(400);
    const [first, second] = JSON.parse(response.text);
    expect(first).toEqual({ data: { agency: { code: "HB" } } });
    expect(second.errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "MAX_DEPTH" });
  });

  it("refuses a batch larger than MAX_BATCH_SIZE", async () => {
    const { status, text } = await postBatch(Array.from({ length: 4 }, () => ({ query: "{ agencies { code } }" })));
    await expectRefused(Promise.resolve({ status, body: JSON.parse(text) }), "MAX_BATCH_SIZE", 3, /^Batch size limit of 3 exceeded, found 4\.$/);
  });
});

describe("after all that", () => {
  it("answers exactly as before, and is still ready", async () => {
    // Many refusals at once as well: none stops the others.
    await Promise.all(Array.from({ length: 10 }, () => gateway.post(nested(11))));
    expect((await gateway.post(catalogue)).body).toEqual(catalogueBefore);
    expect((catalogueBefore as { data: { datasets: { totalCount: number } } }).data.datasets.totalCount).toBe(26);
    expect((await fetch(`${gateway.origin}/ready`)).status).toBe(200);
  });
});
