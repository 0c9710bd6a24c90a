import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { composeSupergraph } from "../src/subgraphs/supergraph.js";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";

describe("the committed supergraph.graphql", () => {
  it("is what the subgraphs compose to now (run `pnpm --filter @hkhealth/gateway compose` after changing a subgraph)", async () => {
    const committed = readFileSync(resolve(import.meta.dirname, "../supergraph.graphql"), "utf8");
    expect(composeSupergraph(await buildAllSubgraphs())).toBe(committed);
  });
});
