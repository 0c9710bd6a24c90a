import { buildSchema, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { queryLimitProtections } from "../src/limits/query-limits.js";
import { settingsFrom } from "./test-gateway.js";

// The validation rules of the limits, on an inline schema: no gateway, no database.

const schema = buildSchema(`
  type Query { agencies: [Agency!]! }
  type Agency { code: String! datasets: [Dataset!]! }
  type Dataset { id: ID! agency: Agency! }
`);
const { validationRules } = queryLimitProtections(settingsFrom().limits, { maskSuggestions: false });

function refusals(query: string) {
  return validate(schema, parse(query), [...specifiedRules, ...validationRules]).map((error) => ({
    message: error.message,
    limit: error.extensions.limit,
  }));
}

describe("the limits checked at validation", () => {
  it("counts aliases of __typename like any other (MAX_ALIASES)", () => {
    const typenames = (count: number) => Array.from({ length: count }, (_, index) => `t${index}: __typename`).join(" ");
    expect(refusals(`{ agencies { ${typenames(15)} } }`)).toEqual([]);
    expect(refusals(`{ agencies { ${typenames(16)} } }`)).toEqual([{ message: "Aliases limit of 15 exceeded, found 16.", limit: "MAX_ALIASES" }]);
  });
});
