import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { supergraphFiles, supergraphSourcesHash } from "../src/subgraphs/committed-supergraph.js";
import { composeSupergraph } from "../src/subgraphs/supergraph.js";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";

describe("the committed supergraph.graphql", () => {
  const files = supergraphFiles();

  it("is what the subgraphs compose to now (run `pnpm --filter @hkhealth/gateway compose` after changing a subgraph)", async () => {
    expect(composeSupergraph(await buildAllSubgraphs())).toBe(readFileSync(files.sdlPath, "utf8"));
  });

  it("has beside it the hash of the subgraphs it was composed from, which a start compares (same command)", async () => {
    expect(readFileSync(files.sourcesHashPath, "utf8").trim()).toBe(supergraphSourcesHash(await buildAllSubgraphs()));
  });
});
