import { GraphQLSchema, GraphQLScalarType, Kind } from "graphql";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { describe, expect, it } from "vitest";
import { operationResolutionPlugin } from "../../src/checks/operation-resolution-plugin.js";
import { readOnlyRule } from "../../src/checks/read-only-rule.js";
import { scalarArgumentsPlugin } from "../../src/checks/scalar-arguments.js";
import { answered, graphsStoppedAfterAll, limitProtections, refusal, type InMemoryGraphOptions } from "./in-memory-graph.js";

// The checks that make a request invalid rather than too large, each on an inline schema in
// memory, beside its control: the same request without the check (or made valid) goes through.

const startGraph = graphsStoppedAfterAll();

async function graphWith(apollo: InMemoryGraphOptions["apollo"]) {
  const graph = await startGraph({ apollo });
  return graph;
}

describe("the read-only rule, in memory", () => {
  const mutation = { query: `mutation { renameAgency(code: "HA", name: "x") { name } }` };

  it("refuses a mutation with a 400 naming why, though the schema has one; without the rule it runs", async () => {
    const refused = await (await graphWith({ validationRules: [readOnlyRule] })).post(mutation);
    expect(refusal(refused)).toMatchObject({ status: 400, code: "GRAPHQL_VALIDATION_FAILED" });
    expect(refused.body.errors?.[0]?.message).toBe("This graph is read-only: it has no mutations, only queries.");
    const ran = await (await graphWith({})).post(mutation);
    expect(ran.body.data).toEqual({ renameAgency: { name: "x" } });
  });

  it("is among the gateway's validation rules", () => {
    expect(limitProtections().validationRules).toContain(readOnlyRule);
  });
});

describe("choosing the operation, in memory", () => {
  const twoOperations = "query Codes { agencies { code } } query Names { agencies { name } }";

  it("refuses a document of several operations without operationName, or an unknown one, with a 400 that lists them", async () => {
    const graph = await graphWith({ plugins: [operationResolutionPlugin] });
    const unnamed = await graph.post({ query: twoOperations });
    expect(refusal(unnamed)).toEqual({ status: 400, code: "OPERATION_RESOLUTION_FAILURE", limit: undefined });
    expect(unnamed.body.errors?.[0]?.message).toBe("The document has 2 operations (Codes, Names): send `operationName` to choose one.");
    const unknown = await graph.post({ query: twoOperations, operationName: "Other" });
    expect(unknown.body.errors?.[0]?.message).toBe('Unknown operation named "Other": the document has Codes, Names.');
    expect(answered(await graph.post({ query: twoOperations, operationName: "Names" }))).toBe(true);
  });
});

describe("field suggestions, in memory", () => {
  const typo = { query: "{ agencies { cod } }" };

  it("are masked when introspection is off, and kept when it is on", async () => {
    const masked = await graphWith(limitProtections({}, true));
    const kept = await graphWith(limitProtections({}, false));
    const [maskedError, keptError] = [(await masked.post(typo)).body.errors?.[0]?.message, (await kept.post(typo)).body.errors?.[0]?.message];
    expect(keptError).toContain('Did you mean "code"?');
    expect(maskedError).toContain('Cannot query field "cod" on type "Agency".');
    expect(maskedError).not.toContain("Did you mean");
  });
});

describe("custom scalar arguments, in memory", () => {
  const isoDate = /^\d{4}-\d{2}-\d{2}$/;
  const parse = (value: unknown) => {
    if (typeof value !== "string" || !isoDate.test(value)) throw new TypeError(`expected YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return value;
  };
  // A subgraph's own Date, which parses; the graph Apollo serves declares Date without parsing.
  const date = new GraphQLScalarType({ name: "Date", parseValue: parse, parseLiteral: (node) => parse(node.kind === Kind.STRING ? node.value : undefined) });
  const subgraph = { name: "records", typeDefs: "scalar Date", schema: new GraphQLSchema({ types: [date] }) } as Subgraph;

  it("refuses a value its subgraph could not parse, naming the argument or variable; without the plugin it passes unseen", async () => {
    const checked = await graphWith({ plugins: [scalarArgumentsPlugin([subgraph])] });
    const literal = await checked.post({ query: `{ recordsOn(date: "2022") }` });
    expect(refusal(literal)).toEqual({ status: 400, code: "BAD_USER_INPUT", limit: undefined });
    expect(literal.body.errors?.[0]?.message).toBe('Argument "date" has an invalid Date: expected YYYY-MM-DD, got "2022"');
    const variable = await checked.post({ query: "query On($on: Date!) { recordsOn(date: $on) }", variables: { on: "tomorrow" } });
    expect(variable.body.errors?.[0]?.message).toBe('Variable "$on" has an invalid Date: expected YYYY-MM-DD, got "tomorrow"');
    expect(answered(await checked.post({ query: `{ recordsOn(date: "2022-01-01") }` }))).toBe(true);

    const unchecked = await graphWith({});
    expect(answered(await unchecked.post({ query: `{ recordsOn(date: "2022") }` }))).toBe(true);
  });
});
