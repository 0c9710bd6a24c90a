import { createHash } from "node:crypto";
import { GraphQLError, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { clientErrorAnswer } from "../src/http/client-errors.js";
import { documentRefusal } from "../src/limits/document-size.js";
import { createErrorFormatter } from "../src/errors/format-error.js";
import { measureFragmentSpreads } from "../src/limits/fragment-spreads.js";
import { unresolvedOperationMessage } from "../src/checks/operation-resolution-plugin.js";
import { persistedQueryProblem } from "../src/checks/persisted-query.js";
import { jsonDepth } from "../src/limits/variable-depth.js";
import { deepJson, multipliedFragments } from "./abusive-requests.js";
import { settingsFrom } from "./test-gateway.js";

// The checks a request meets before Apollo, in memory: no server, no database.

describe("fragment spreads, measured without expanding them", () => {
  it("counts the spreads of the expanded operation and the nesting of fragments", () => {
    expect(measureFragmentSpreads(parse(`{ agencies { code } }`))).toEqual({ expanded: 0, depth: 0 });
    expect(measureFragmentSpreads(parse(multipliedFragments(3, 10)))).toEqual({ expanded: 1111, depth: 4 });
    // 2^60 spreads: measured at once, each fragment once.
    expect(measureFragmentSpreads(parse(multipliedFragments(60)))).toEqual({ expanded: 2 ** 61 - 1, depth: 61 });
  });

  it("takes a cycle as no deeper (validation refuses it)", () => {
    expect(measureFragmentSpreads(parse(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`))).toEqual({ expanded: 3, depth: 3 });
  });

  it("refuses by the first limit a document passes, by its variable", () => {
    const limits = settingsFrom().limits;
    expect(documentRefusal(`{ ...F0 } fragment F0 on Query { agencies { code } }`, limits)).toBeUndefined();
    expect(documentRefusal(multipliedFragments(20), limits)?.extensions).toMatchObject({ limit: "MAX_FRAGMENT_DEPTH", found: 21 });
    expect(documentRefusal(multipliedFragments(3, 10), limits)?.extensions).toMatchObject({ limit: "MAX_FRAGMENT_SPREADS", found: 1111 });
    expect(documentRefusal("{ not closed", limits)).toBeUndefined(); // Apollo's parser says where
  });
});

describe("variables' depth", () => {
  it("counts objects and arrays, and stops counting past the bound", () => {
    expect(jsonDepth(1, 10)).toBe(0);
    expect(jsonDepth({ a: [1, { b: null }] }, 10)).toBe(3);
    expect(jsonDepth(JSON.parse(deepJson(10_000)), 33)).toBe(33);
  });
});

describe("automatic persisted queries", () => {
  const query = "{ agencies { code } }";
  const sha256Hash = createHash("sha256").update(query).digest("hex");

  it("takes a well-formed one, with or without its query", () => {
    expect(persistedQueryProblem(query, { persistedQuery: { version: 1, sha256Hash } })).toBeUndefined();
    expect(persistedQueryProblem(undefined, { persistedQuery: { version: 1, sha256Hash } })).toBeUndefined();
    expect(persistedQueryProblem(query, undefined)).toBeUndefined();
  });

  it("names what is wrong", () => {
    expect(persistedQueryProblem(query, { persistedQuery: "x" })).toMatch(/must be an object/);
    expect(persistedQueryProblem(query, { persistedQuery: { sha256Hash } })).toBe("Unsupported persisted query version (none): only version 1 is supported.");
    expect(persistedQueryProblem(query, { persistedQuery: { version: 1, sha256Hash: 5 } })).toMatch(/64 lowercase hex digits/);
    expect(persistedQueryProblem(`${query} `, { persistedQuery: { version: 1, sha256Hash } })).toMatch(
      new RegExp(`^The persisted query hash ${sha256Hash} does not match its query`),
    );
  });
});

describe("messages", () => {
  it("says why no operation was chosen", () => {
    const document = parse(`query A { agencies { code } } { agencies { name } }`);
    expect(unresolvedOperationMessage(document, undefined)).toBe("The document has 2 operations (A, (anonymous)): send `operationName` to choose one.");
    expect(unresolvedOperationMessage(document, "B")).toBe('Unknown operation named "B": the document has A, (anonymous).');
    expect(unresolvedOperationMessage(parse(`fragment F on Query { agencies { code } }`), undefined)).toBe("The document has no operation, only fragments.");
  });

  it("answers what Node's HTTP parser refuses with the status that fits", () => {
    expect(clientErrorAnswer("ERR_HTTP_REQUEST_TIMEOUT", 30_000).status).toBe(408);
    expect(clientErrorAnswer("HPE_HEADER_OVERFLOW", 30_000).status).toBe(431);
    expect(clientErrorAnswer("HPE_INVALID_METHOD", 30_000).status).toBe(400);
  });
});

describe("error codes", () => {
  it("gives a refusal Apollo sends with a 4xx and no code the client's code, not INTERNAL_SERVER_ERROR", () => {
    const format = createErrorFormatter({ debug: false });
    const refused = new GraphQLError("provided sha does not match query", { extensions: { http: { status: 400 } } });
    expect(format({ message: refused.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, refused).extensions?.code).toBe("BAD_REQUEST");
    const ours = new GraphQLError("Internal server error");
    expect(format({ message: ours.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, ours).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });
});
