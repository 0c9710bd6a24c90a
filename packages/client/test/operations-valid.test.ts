import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import * as client from "../src/index.js";

// The generated documents are only as good as the schema they were typed against: each must still
// validate against the API schema printed from the committed supergraph.
const schema = buildSchema(readFileSync(new URL("../src/generated/schema.graphql", import.meta.url), "utf8"));
const documents = Object.entries(client).filter(([name]) => name.endsWith("Document"));

describe("generated operations", () => {
  it("include the web app's operations", () => {
    expect(documents.map(([name]) => name).sort()).toEqual(
      ["AeHistoryDocument", "AeNowDocument", "DatasetAggregateDocument", "DatasetListDocument", "DatasetRecordsDocument", "PlanProgressDocument"],
    );
  });

  it.each(documents)("%s validates against the API schema", (_name, document) => {
    expect(validate(schema, parse(String(document))).map((error) => error.message)).toEqual([]);
  });
});
