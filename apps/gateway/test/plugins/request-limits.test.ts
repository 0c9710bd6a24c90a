import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { refuseBadPersistedQueries } from "../../src/checks/persisted-query.js";
import { refuseOversizedBatches } from "../../src/limits/batch-size.js";
import { refuseOversizedDocuments } from "../../src/limits/document-size.js";
import { refuseDeepVariables } from "../../src/limits/variable-depth.js";
import type { QueryLimits } from "../../src/settings.js";
import { answered, graphsStoppedAfterAll, limitsWith, refusal, type Answer } from "./in-memory-graph.js";

// The limits checked on the request as sent, before Apollo parses it (Express middleware), on
// an inline schema in memory. Each refusal has its positive control: the same request is
// answered once the limit is raised by one.

const startGraph = graphsStoppedAfterAll();

async function graphWith(changed: Partial<QueryLimits>) {
  const limits = limitsWith(changed);
  const graph = await startGraph({
    maxBodyBytes: limits.MAX_BODY_BYTES,
    before: [refuseOversizedDocuments(limits), refuseDeepVariables(limits), refuseBadPersistedQueries, refuseOversizedBatches(limits)],
    apollo: { allowBatchedHttpRequests: true },
  });
  return graph;
}

const answeredAll = (answer: Answer) =>
  answer.status === 200 && (Array.isArray(answer.body) ? (answer.body as Answer["body"][]).every((part) => !part.errors && part.data) : answered(answer));

/** Refused by `limit` at `max` with `status`, answered at `max + 1`. */
async function expectLimit(limit: keyof QueryLimits, max: number, body: unknown, status = 400) {
  const refused = await (await graphWith({ [limit]: max })).post(body);
  expect(refusal(refused)).toEqual({ status, code: "QUERY_LIMIT_EXCEEDED", limit });
  expect(refused.body.errors?.[0]?.extensions).toMatchObject({ max });
  const allowed = await (await graphWith({ [limit]: max + 1 })).post(body);
  expect(answeredAll(allowed), JSON.stringify(allowed.body)).toBe(true);
  return refused.body.errors![0]!;
}

const query = "{ agencies { code } }";

describe("the limits of a request as sent, in memory", () => {
  it("MAX_QUERY_CHARACTERS: a document longer than the limit", async () => {
    const error = await expectLimit("MAX_QUERY_CHARACTERS", query.length - 1, { query });
    expect(error.extensions).toMatchObject({ found: query.length });
  });

  it("MAX_TOKENS: a document of more tokens than the limit (`{ agencies { code } }` is 6)", async () => {
    await expectLimit("MAX_TOKENS", 5, { query });
  });

  it("MAX_FRAGMENT_SPREADS: more spreads than the limit once fragments are expanded", async () => {
    // ...A, ...B, and B's ...A: 3
    const document = "{ ...A ...B } fragment A on Query { agencies { code } } fragment B on Query { ...A }";
    const error = await expectLimit("MAX_FRAGMENT_SPREADS", 2, { query: document });
    expect(error.extensions).toMatchObject({ found: 3 });
  });

  it("MAX_FRAGMENT_DEPTH: fragments nested in fragments deeper than the limit", async () => {
    const document = "{ ...B } fragment A on Query { agencies { code } } fragment B on Query { ...A }";
    const error = await expectLimit("MAX_FRAGMENT_DEPTH", 1, { query: document });
    expect(error.extensions).toMatchObject({ found: 2 });
  });

  it("MAX_VARIABLE_DEPTH: variables or extensions nested deeper than the limit", async () => {
    const nested = { a: { b: [{ c: 1 }] } }; // 4 objects and arrays deep
    await expectLimit("MAX_VARIABLE_DEPTH", 3, { query, variables: nested });
    const error = await expectLimit("MAX_VARIABLE_DEPTH", 3, { query, extensions: { nested: { b: [[1]] } } });
    expect(error.message).toContain("`extensions` is nested deeper than 3");
  });

  it("MAX_BATCH_SIZE: a batch of more operations than the limit", async () => {
    const error = await expectLimit("MAX_BATCH_SIZE", 2, [{ query }, { query }, { query }]);
    expect(error.extensions).toMatchObject({ found: 3 });
  });

  it("MAX_BODY_BYTES: a body larger than the limit is a 413", async () => {
    const body = { query, variables: { padding: "x".repeat(2_000) } };
    await expectLimit("MAX_BODY_BYTES", JSON.stringify(body).length - 1, body, 413);
  });
});

describe("automatic persisted queries, in memory", () => {
  const sha256Hash = createHash("sha256").update(query).digest("hex");

  it("refuses a hash that is not its query's, or malformed, with a 400 saying why; its own hash is answered", async () => {
    const graph = await graphWith({});
    const wrong = await graph.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(refusal(wrong)).toEqual({ status: 400, code: "BAD_REQUEST", limit: undefined });
    expect(wrong.body.errors?.[0]?.message).toBe(`The persisted query hash ${"0".repeat(64)} does not match its query, whose SHA-256 is ${sha256Hash}.`);
    const malformed = await graph.post({ query, extensions: { persistedQuery: { version: 2, sha256Hash } } });
    expect(refusal(malformed)).toEqual({ status: 400, code: "BAD_REQUEST", limit: undefined });
    expect(malformed.body.errors?.[0]?.message).toContain("only version 1 is supported");

    expect(answered(await graph.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }))).toBe(true);
    // Registered by the request above: the hash alone is enough now.
    expect(answered(await graph.post({ extensions: { persistedQuery: { version: 1, sha256Hash } } }))).toBe(true);
  });
});
