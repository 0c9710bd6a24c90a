import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { supergraphFiles, supergraphSdlFor } from "../src/subgraphs/committed-supergraph.js";
import { composeSupergraph } from "../src/subgraphs/supergraph.js";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";

// A copy of the committed files with a mark in the SDL: what comes back shows whether the file
// was served or the subgraphs composed.
const dir = mkdtempSync(join(tmpdir(), "hkhealth-supergraph-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const committed = supergraphFiles();
const copy = supergraphFiles(dir);
copyFileSync(committed.sourcesHashPath, copy.sourcesHashPath);
const marked = `# served from the committed file\n${composeSupergraph(await buildAllSubgraphs())}`;
writeFileSync(copy.sdlPath, marked);

describe("the supergraph a start serves", () => {
  it("is the committed file when the subgraphs are those it was composed from", async () => {
    expect(await supergraphSdlFor(await buildAllSubgraphs(), copy)).toBe(marked);
  });

  it("is composed afresh when a subgraph's SDL changed since the file was composed", async () => {
    const subgraphs = await buildAllSubgraphs();
    const changed = subgraphs.map((subgraph) =>
      subgraph.name === "plan" ? { ...subgraph, typeDefs: `${subgraph.typeDefs}\nextend type Query { changedSinceCommitted: String }\n` } : subgraph,
    );
    const sdl = await supergraphSdlFor(changed, copy);
    expect(sdl).not.toContain("# served from the committed file");
    expect(sdl).toContain("changedSinceCommitted: String");
    expect(sdl).toBe(composeSupergraph(changed));
  });

  it("is composed when there is no hash beside the file", async () => {
    const bare = supergraphFiles(mkdtempSync(join(dir, "bare-")));
    copyFileSync(copy.sdlPath, bare.sdlPath);
    expect(await supergraphSdlFor(await buildAllSubgraphs(), bare)).toBe(composeSupergraph(await buildAllSubgraphs()));
  });
});
