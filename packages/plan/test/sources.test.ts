import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { datasetDefinitions } from "../src/index.js";

const readme = readFileSync(resolve(import.meta.dirname, "../../../README.md"), "utf8");
const HEADING = "### Datasets without a known source";

/** The dataset ids the README lists under its heading, in order: "- `id`: …" lines up to the next heading. */
function listedWithoutSource(): string[] {
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start < 0) throw new Error(`README.md has no "${HEADING}" section`);
  const section = readme.slice(start + HEADING.length + 2).split(/\n#{1,6} /)[0]!;
  return [...section.matchAll(/^- `([^`]+)`/gm)].map((match) => match[1]!);
}

describe("where the datasets are published", () => {
  it("lists in the README exactly the modules with no distributions, in module order", () => {
    const withoutSource = datasetDefinitions.filter((definition) => definition.distributions.length === 0).map((definition) => definition.id);
    expect(withoutSource.length).toBeGreaterThan(0);
    expect(listedWithoutSource()).toEqual(withoutSource);
  });

  it("give each known portal page as a DATA.GOV.HK dataset page", () => {
    const pages = datasetDefinitions.flatMap((definition) => (definition.portalUrl ? [definition.portalUrl] : []));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page).toMatch(/^https:\/\/data\.gov\.hk\/en-data\/dataset\/[a-z0-9_-]+$/);
  });
});
