import { describe, expect, it } from "vitest";
import { createErrorFormatter } from "../../src/errors/format-error.js";
import type { QueryLimits } from "../../src/settings.js";
import { answered, graphsStoppedAfterAll, limitProtections, refusal } from "./in-memory-graph.js";

// Each limit checked on the parsed operation (graphql-armor's rules, ours, the cost plugin), on
// an inline schema in memory. Each refusal has its positive control: the same operation is
// answered once the limit is raised by one, so a test fails if the limit is off or miscounts.

const startGraph = graphsStoppedAfterAll();

async function graphWith(changed: Partial<QueryLimits>) {
  const { validationRules, plugins } = limitProtections(changed);
  // The gateway's formatError gives a limit refused at validation its own code.
  const graph = await startGraph({ apollo: { validationRules, plugins, formatError: createErrorFormatter({ debug: false }) } });
  return graph;
}

/** Refused by `limit` at `max`, answered at `max + 1`. */
async function expectLimit(limit: keyof QueryLimits, max: number, request: { query: string; variables?: Record<string, unknown> }) {
  const refused = await (await graphWith({ [limit]: max })).post(request);
  expect(refusal(refused)).toEqual({ status: 400, code: "QUERY_LIMIT_EXCEEDED", limit });
  expect(refused.body.errors?.[0]?.extensions).toMatchObject({ max });
  expect(refused.body.data).toBeUndefined();
  const allowed = await (await graphWith({ [limit]: max + 1 })).post(request);
  expect(answered(allowed), JSON.stringify(allowed.body)).toBe(true);
  return refused.body.errors![0]!;
}

describe("the limits of one operation, in memory", () => {
  it("MAX_DEPTH: fields nested deeper than the limit, through fragments too", async () => {
    const error = await expectLimit("MAX_DEPTH", 3, { query: "{ agencies { datasets { agency { code } } } }" });
    expect(error.message).toContain("Query depth limit of 3 exceeded");
    await expectLimit("MAX_DEPTH", 3, { query: "{ agencies { ...D } } fragment D on Agency { datasets { agency { code } } }" });
  });

  it("MAX_ALIASES: more aliases than the limit, __typename's included", async () => {
    await expectLimit("MAX_ALIASES", 2, { query: "{ a: agencies { c: code t: __typename } }" });
  });

  it("MAX_DIRECTIVES: more directives than the limit", async () => {
    await expectLimit("MAX_DIRECTIVES", 2, { query: "{ agencies @include(if: true) { code @skip(if: false) name @include(if: true) } }" });
  });

  it("MAX_ROOT_FIELDS: more root fields than the limit, those of fragments included", async () => {
    const error = await expectLimit("MAX_ROOT_FIELDS", 2, { query: `{ agencies { code } ...More } fragment More on Query { agency(code: "HA") { code } datasets { totalCount } }` });
    expect(error.extensions).toMatchObject({ found: 3 });
  });

  it("MAX_PAGE_SIZE: a `first` past the limit, written or sent as a variable", async () => {
    await expectLimit("MAX_PAGE_SIZE", 49, { query: "{ datasets(first: 50) { totalCount } }" });
    const error = await expectLimit("MAX_PAGE_SIZE", 49, { query: "query Page($first: Int) { datasets(first: $first) { totalCount } }", variables: { first: 50 } });
    expect(error.message).toBe("Page size limit of 49 exceeded, found first: 50 on Query.datasets.");
  });

  it("MAX_COST: an estimate past the limit (a list without `first` is assumed to hold 10)", async () => {
    // 10 agencies, their 10 codes, 10 × 10 datasets, and the id and title of each: 10 + 10 + 100 + 200
    const error = await expectLimit("MAX_COST", 319, { query: "{ agencies { code datasets { id title } } }" });
    expect(error.extensions).toMatchObject({ found: 320 });
  });
});
