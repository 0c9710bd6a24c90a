import { buildSchema, Kind, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { estimateCost } from "../src/limits/query-cost.js";

// The cost model on an inline schema of the graph's shape: no gateway, no database.

const schema = buildSchema(`
  type Query { datasets(first: Int): DatasetConnection! agencies: [Agency!]! }
  type DatasetConnection { totalCount: Int! edges: [DatasetEdge!]! }
  type DatasetEdge { cursor: String! node: Dataset! }
  type Dataset { id: ID! title: String! agency: Agency! records(first: Int): RecordConnection! }
  type RecordConnection { totalCount: Int! edges: [RecordEdge!]! }
  type RecordEdge { node: Record! }
  type Record { id: ID! observedAt: String }
  type Agency { code: String! datasets: [Dataset!]! }
`);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  return estimateCost(schema, document, operation, variables).cost;
}

/** `{ ...F<levels> }` where each fragment spreads the one below twice: 2^levels spreads once expanded. */
function doubledFragments(levels: number, leaf: string): string {
  const fragments = [`fragment F0 on Query { ${leaf} }`];
  for (let level = 1; level <= levels; level++) fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
  return `{ ...F${levels} }\n${fragments.join("\n")}`;
}

describe("the cost of an operation: the values its response may hold", () => {
  it("counts every field once per object it can appear under; a page makes the list under it that long", () => {
    expect(cost(`{ datasets(first: 100) { edges { node { records(first: 1000) { edges { node { id } } } } } } }`)).toBe(300_301);
    expect(cost(`{ datasets(first: 100) { edges { node { records(first: 20) { edges { node { id } } } } } } }`)).toBe(6_301);
    // totalCount is one value per connection, not per item; a list outside a page counts 10.
    expect(cost(`{ datasets(first: 5) { totalCount } agencies { code } }`)).toBe(2 + 20);
    expect(cost(`query Q($first: Int) { datasets(first: $first) { edges { cursor } } }`, { first: 7 })).toBe(1 + 7 * 2);
  });

  it("counts scalars and __typename repeated under a big page, each alias on its own", () => {
    const typenames = Array.from({ length: 320 }, (_, index) => `t${index}: __typename`).join(" ");
    expect(cost(`{ datasets(first: 10) { edges { node { records(first: 1000) { edges { node { ${typenames} } } } } } } }`)).toBeGreaterThan(3_000_000);
    // The same name repeated merges into one value per object, as in the response.
    const repeated = cost(`{ datasets(first: 10) { edges { ${"__typename ".repeat(50)} } } }`);
    expect(repeated).toBe(cost(`{ datasets(first: 10) { edges { __typename } } }`));
    expect(repeated).toBe(1 + 10 * 2);
  });

  it("follows the merged selection: a fragment spread several times, or a field repeated, costs once", () => {
    const once = cost(`{ datasets(first: 50) { edges { node { records(first: 10) { edges { node { id observedAt } } } } } } }`);
    const spreadThrice = cost(`
      { datasets(first: 50) { edges { node { ...Records ...Records ... on Dataset { ...Records } } } } }
      fragment Records on Dataset { records(first: 10) { edges { node { id observedAt } } } }`);
    const splitAcrossFragments = cost(`
      { datasets(first: 50) { edges { node { ...Ids records(first: 10) { edges { node { observedAt } } } } } } }
      fragment Ids on Dataset { records(first: 10) { edges { node { id } } } }`);
    expect(spreadThrice).toBe(once);
    expect(splitAcrossFragments).toBe(once);
    // Different response names are different fields: an alias costs again.
    expect(cost(`{ a: datasets(first: 5) { totalCount } b: datasets(first: 5) { totalCount } }`)).toBe(2 * cost(`{ datasets(first: 5) { totalCount } }`));
  });

  it("costs fragments doubled 40 levels deep (2^40 spreads) without expanding them", () => {
    expect(cost(doubledFragments(40, "agencies { code }"))).toBe(cost(`{ agencies { code } }`));
  });
});
