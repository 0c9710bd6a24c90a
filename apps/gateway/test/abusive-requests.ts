import type { LimitName } from "../src/settings.js";
import type { GraphQLResponse } from "./harness.js";

// The fixed set of abusive and malformed requests every gateway under test must refuse (with
// the default settings), each with the status and the error it must answer with.

/** `{ agencies { datasets { agency { datasets … } } } }`: fields nested `depth` deep, lists at every other level. */
export function nested(depth: number): string {
  const objects = Array.from({ length: depth - 1 }, (_, index) => (index === 0 ? "agencies" : index % 2 === 1 ? "datasets" : "agency"));
  return `{ ${objects.join(" { ")} { ${objects.at(-1) === "datasets" ? "id" : "code"} ${"} ".repeat(depth - 1)}}`;
}

/** `count` aliased root fields. */
export function aliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, index) => `a${index}: agency(code: HA) { code }`).join(" ")} }`;
}

/**
 * `{ ...F<levels> }` where each fragment spreads the one below `times` times: a short document
 * whose fragments expand to times^levels spreads.
 */
export function multipliedFragments(levels: number, times = 2): string {
  const fragments = ["fragment F0 on Query { agencies { code } }"];
  for (let level = 1; level <= levels; level++) fragments.push(`fragment F${level} on Query { ${`...F${level - 1} `.repeat(times)}}`);
  return `{ ...F${levels} }\n${fragments.join("\n")}`;
}

/** A JSON value nested `depth` arrays deep, as text (JSON.stringify would overflow the stack building it). */
export function deepJson(depth: number): string {
  return `${"[".repeat(depth)}1${"]".repeat(depth)}`;
}

/** `count` aliases of `__typename` on each record of a 1000-record page. */
export function typenameAliases(count: number): string {
  const aliased = Array.from({ length: count }, (_, index) => `t${index}: __typename`).join(" ");
  return `{ dataset(id: "ha-aed-waiting-time") { records(first: 1000) { edges { node { ${aliased} } } } } }`;
}

export interface AbusiveRequest {
  readonly name: string;
  readonly init: RequestInit & { search?: string };
  readonly status: number;
  /** What the one error must say; with `limit`, it must also carry QUERY_LIMIT_EXCEEDED, the limit and its value; else `code` when given. */
  readonly error: { readonly message: RegExp; readonly limit?: LimitName; readonly max?: number; readonly code?: string };
}

const post = (body: unknown, contentType = "application/json"): RequestInit => ({
  method: "POST",
  headers: { "content-type": contentType },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const preflighted = { "apollo-require-preflight": "true" };
const agencyCodes = "{ agencies { code } }";

export const abusiveRequests: readonly AbusiveRequest[] = [
  {
    name: "deep nesting",
    init: post({ query: nested(11) }),
    status: 400,
    error: { message: /^Query depth limit of 10 exceeded, found 11\.$/, limit: "MAX_DEPTH", max: 10 },
  },
  {
    name: "many aliases",
    init: post({ query: aliases(16) }),
    status: 400,
    error: { message: /^Aliases limit of 15 exceeded, found 16\.$/, limit: "MAX_ALIASES", max: 15 },
  },
  {
    name: "a huge first",
    init: post({ query: `{ datasets(first: 1000000) { totalCount } }` }),
    status: 400,
    error: { message: /^Page size limit of 1000 exceeded, found first: 1000000 on Query\.datasets\.$/, limit: "MAX_PAGE_SIZE", max: 1000 },
  },
  {
    name: "a costly query",
    init: post({ query: `{ datasets(first: 100) { edges { node { records(first: 1000) { edges { node { id } } } } } } }` }),
    status: 400,
    error: { message: /^Query cost limit of 20000 exceeded, found 300301 /, limit: "MAX_COST", max: 20000 },
  },
  {
    name: "many root fields",
    init: post({ query: `{ ${"agencies { code } ".repeat(21)}}` }),
    status: 400,
    error: { message: /^Root fields limit of 20 exceeded, found 21\.$/, limit: "MAX_ROOT_FIELDS", max: 20 },
  },
  {
    name: "an oversized document",
    init: post({ query: `{ agencies { code } }\n#${"x".repeat(10_000)}` }),
    status: 400,
    error: { message: /^Query characters limit of 10000 exceeded, found 10023\.$/, limit: "MAX_QUERY_CHARACTERS", max: 10000 },
  },
  {
    name: "a document of too many tokens",
    init: post({ query: `{ agencies { ${"code ".repeat(1000)}} }` }),
    status: 400,
    error: { message: /^Token limit of 1000 exceeded\.$/, limit: "MAX_TOKENS", max: 1000 },
  },
  {
    name: "an oversized body",
    init: post({ query: "{ agencies { code } }", variables: { padding: "x".repeat(100_000) } }),
    status: 413,
    error: { message: /^Request body limit of 100000 bytes exceeded\.$/, limit: "MAX_BODY_BYTES", max: 100000 },
  },
  {
    name: "a batched array while batching is off",
    init: post([{ query: "{ agencies { code } }" }, { query: "{ agencies { name } }" }]),
    status: 400,
    error: { message: /^Operation batching disabled\.$/ },
  },
  {
    name: "a malformed JSON body",
    init: post('{"query": "{ agencies { code } }"'),
    status: 400,
    error: { message: /^The request body is not valid JSON\.$/ },
  },
  {
    name: "a wrong content type (a cross-site form post)",
    init: post({ query: "{ agencies { code } }" }, "text/plain"),
    status: 400,
    error: { message: /Cross-Site Request Forgery/ },
  },
  {
    name: "a mutation-like GET",
    init: { search: `?query=${encodeURIComponent("mutation { ingest }")}`, headers: preflighted },
    status: 400,
    error: { message: /^This graph is read-only: it has no mutations, only queries\.$/ },
  },
  {
    name: "fragments nested 20 deep, doubling at each level (2^20 spreads)",
    init: post({ query: multipliedFragments(20) }),
    status: 400,
    error: { message: /^Fragment depth limit of 10 exceeded, found 21\.$/, limit: "MAX_FRAGMENT_DEPTH", max: 10 },
  },
  {
    name: "fragments expanding to 1111 spreads",
    init: post({ query: multipliedFragments(3, 10) }),
    status: 400,
    error: { message: /^Fragment spreads limit of 100 exceeded, found 1111 once fragments are expanded\.$/, limit: "MAX_FRAGMENT_SPREADS", max: 100 },
  },
  {
    name: "320 aliases of __typename under a 1000-record page",
    init: post({ query: typenameAliases(320) }),
    status: 400,
    error: { message: /^Aliases limit of 15 exceeded, found 320\.$/, limit: "MAX_ALIASES", max: 15 },
  },
  {
    name: "a JSON variable nested 10,000 deep",
    init: post(`{"query":"query Q($v: JSON) { agencies { code } }","variables":{"v":${deepJson(10_000)}}}`),
    status: 400,
    error: { message: /^Variable depth limit of 32 exceeded: `variables` is nested deeper than 32/, limit: "MAX_VARIABLE_DEPTH", max: 32 },
  },
  {
    name: "two operations without an operationName",
    init: post({ query: "query A { agencies { code } } query B { agencies { name } }" }),
    status: 400,
    error: { message: /^The document has 2 operations \(A, B\): send `operationName` to choose one\.$/, code: "OPERATION_RESOLUTION_FAILURE" },
  },
  {
    name: "an unknown operationName",
    init: post({ query: "query A { agencies { code } }", operationName: "Nope" }),
    status: 400,
    error: { message: /^Unknown operation named "Nope": the document has A\.$/, code: "OPERATION_RESOLUTION_FAILURE" },
  },
  {
    name: "Content-Encoding: gzip on a body that is not compressed",
    init: { ...post({ query: agencyCodes }), headers: { "content-type": "application/json", "content-encoding": "gzip" } },
    status: 400,
    error: { message: /^The request body is not valid gzip data \(Content-Encoding: gzip\)\.$/, code: "BAD_REQUEST" },
  },
  {
    name: "Content-Encoding: deflate on a body that is not compressed",
    init: { ...post({ query: agencyCodes }), headers: { "content-type": "application/json", "content-encoding": "deflate" } },
    status: 400,
    error: { message: /^The request body is not valid deflate data \(Content-Encoding: deflate\)\.$/, code: "BAD_REQUEST" },
  },
  {
    name: "an APQ hash that does not match its query",
    init: post({ query: agencyCodes, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
    status: 400,
    error: { message: /^The persisted query hash 0{64} does not match its query, whose SHA-256 is [0-9a-f]{64}\.$/, code: "BAD_REQUEST" },
  },
  {
    name: "an unknown APQ version",
    init: post({ query: agencyCodes, extensions: { persistedQuery: { version: 2, sha256Hash: "0".repeat(64) } } }),
    status: 400,
    error: { message: /^Unsupported persisted query version 2: only version 1 is supported\.$/, code: "BAD_REQUEST" },
  },
  {
    name: "a GET without a CSRF-safe header",
    init: { search: `?query=${encodeURIComponent("{ agencies { code } }")}` },
    status: 400,
    error: { message: /Cross-Site Request Forgery/ },
  },
];

/** Sends one of them to a gateway's /graphql. */
export async function sendAbusive(url: string, { init: { search = "", ...init } }: AbusiveRequest) {
  const response = await fetch(`${url}${search}`, init);
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as GraphQLResponse };
}
