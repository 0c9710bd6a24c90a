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

export interface AbusiveRequest {
  readonly name: string;
  readonly init: RequestInit & { search?: string };
  readonly status: number;
  /** What the one error must say; with `limit`, it must also carry QUERY_LIMIT_EXCEEDED, the limit and its value. */
  readonly error: { readonly message: RegExp; readonly limit?: LimitName; readonly max?: number };
}

const post = (body: unknown, contentType = "application/json"): RequestInit => ({
  method: "POST",
  headers: { "content-type": contentType },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const preflighted = { "apollo-require-preflight": "true" };

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
