import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { AgencyCode, DataFormat, datasetDefinition, toHongKongIso, UpdateFrequency } from "@hkhealth/plan";
import { registerDataset } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

// Where each dataset is published (from its module) and how current the graph's copy is (from
// the DistributionSync rows the sync writes as it checks files; written here with Prisma, as
// the sync would).

const AED = "ha-aed-waiting-time";
const aed = datasetDefinition(AED)!;
const [aedEn, aedTc, aedSc] = aed.distributions;
const FACILITIES = "ha-facility-directory";
const facilities = datasetDefinition(FACILITIES)!;
const iso = (instant: string) => toHongKongIso(new Date(instant));

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await ingestFile(harness.store, { datasetId: AED, location: resolve(import.meta.dirname, "fixtures", "aed-2026-01-20-0430.json") });
  // AED: English checked and changed; Traditional Chinese failing for the third time since it last
  // changed; Simplified Chinese failed once long ago and has succeeded since; the legacy feed not
  // yet checked. Facility directory: one file checked, due before any AED file.
  await harness.store.prisma.distributionSync.createMany({
    data: [
      { datasetId: AED, url: aedEn!.url, resource: aedEn!.resource, nextCheckAt: new Date("2026-01-20T04:45:00+08:00"),
        lastCheckedAt: new Date("2026-01-20T04:31:00+08:00"), lastChangedAt: new Date("2026-01-20T04:31:00+08:00") },
      { datasetId: AED, url: aedTc!.url, resource: aedTc!.resource, nextCheckAt: new Date("2026-01-20T04:40:00+08:00"),
        lastCheckedAt: new Date("2026-01-20T04:00:00+08:00"), lastChangedAt: new Date("2026-01-20T04:00:00+08:00"),
        lastErrorAt: new Date("2026-01-20T04:32:00+08:00"), lastError: "HTTP 503 Service Unavailable", failures: 3 },
      { datasetId: AED, url: aedSc!.url, resource: aedSc!.resource, nextCheckAt: new Date("2026-01-20T04:50:00+08:00"),
        lastCheckedAt: new Date("2026-01-20T04:35:00+08:00"), lastChangedAt: new Date("2026-01-19T22:00:00+08:00"),
        lastErrorAt: new Date("2026-01-19T12:00:00+08:00"), lastError: "timed out after 30000 ms", failures: 0 },
      { datasetId: FACILITIES, url: facilities.distributions[0]!.url, resource: facilities.distributions[0]!.resource,
        nextCheckAt: new Date("2026-01-19T00:00:00+08:00"), lastCheckedAt: new Date("2026-01-12T00:00:00+08:00") },
    ],
  });
  await registerDataset(harness.store.prisma, {
    id: "dh-registered-at-run-time", agency: AgencyCode.DH, titleEn: "Registered", titleZh: "登記", updateFrequency: UpdateFrequency.WEEKLY, formats: [DataFormat.CSV],
  });
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

const freshnessFields = "lastCheckedAt lastChangedAt nextCheckAt lastError { at message } failing";
const never = { lastCheckedAt: null, lastChangedAt: null, nextCheckAt: null, lastError: null, failing: false };

describe("Dataset.distributions and portalUrl", () => {
  it("lists a dataset's official files as its module does, with format, language and resource", async () => {
    const response = await harness.query(`{
      aed: dataset(id: "${AED}") { portalUrl distributions { url format language resource } }
      facilities: dataset(id: "${FACILITIES}") { distributions { url format language resource } }
    }`);
    expect(response.errors).toBeUndefined();
    const expected = (definition: typeof aed) =>
      definition.distributions.map(({ url, format, language, resource }) => ({ url, format, language: language?.toUpperCase() ?? null, resource }));
    expect(response.data.aed.distributions).toEqual(expected(aed));
    expect(response.data.aed.distributions.slice(0, 3)).toEqual([
      { url: "https://www.ha.org.hk/opendata/aed/aedwtdata2-en.json", format: "JSON", language: "EN", resource: "aedwtdata2-en" },
      { url: "https://www.ha.org.hk/opendata/aed/aedwtdata2-tc.json", format: "JSON", language: "TC", resource: "aedwtdata2-tc" },
      { url: "https://www.ha.org.hk/opendata/aed/aedwtdata2-sc.json", format: "JSON", language: "SC", resource: "aedwtdata2-sc" },
    ]);
    expect(response.data.aed.portalUrl).toBe("https://data.gov.hk/en-data/dataset/hospital-hadata-ae-waiting-time");
    expect(response.data.facilities.distributions.map((file: { resource: string }) => file.resource)).toEqual(["facility-hosp", "facility-sop", "facility-gop"]);
    expect(response.data.facilities.distributions.every((file: { language: unknown }) => file.language === null)).toBe(true);
  });

  it("says so for a dataset without a known source, and for one registered at run time", async () => {
    const response = await harness.query(`{
      facts: dataset(id: "dh-health-facts") { portalUrl distributions { url } freshness { ${freshnessFields} distributions { url } } }
      registered: dataset(id: "dh-registered-at-run-time") { portalUrl distributions { url } freshness { ${freshnessFields} distributions { url } } }
    }`);
    expect(response.errors).toBeUndefined();
    for (const dataset of [response.data.facts, response.data.registered]) {
      expect(dataset).toEqual({ portalUrl: null, distributions: [], freshness: { ...never, distributions: [] } });
    }
  });
});

describe("Dataset.freshness", () => {
  it("gives each file's checks, and in total the latest check and change, the earliest next check and the latest error", async () => {
    const response = await harness.query(`{
      dataset(id: "${AED}") {
        freshness { ${freshnessFields} distributions { url resource consecutiveFailures ${freshnessFields} } }
        distributions { url freshness { consecutiveFailures failing lastCheckedAt } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const { freshness, distributions } = response.data.dataset;
    expect(freshness).toMatchObject({
      lastCheckedAt: iso("2026-01-20T04:35:00+08:00"),
      lastChangedAt: iso("2026-01-20T04:31:00+08:00"),
      nextCheckAt: iso("2026-01-20T04:40:00+08:00"),
      lastError: { at: iso("2026-01-20T04:32:00+08:00"), message: "HTTP 503 Service Unavailable" },
      failing: true,
    });
    expect(freshness.distributions.map((file: { url: string }) => file.url)).toEqual(aed.distributions.map((file) => file.url));
    const [en, tc, sc, ...legacy] = freshness.distributions;
    expect(en).toEqual({
      url: aedEn!.url, resource: "aedwtdata2-en", consecutiveFailures: 0, failing: false, lastError: null,
      lastCheckedAt: iso("2026-01-20T04:31:00+08:00"), lastChangedAt: iso("2026-01-20T04:31:00+08:00"), nextCheckAt: iso("2026-01-20T04:45:00+08:00"),
    });
    expect(tc).toMatchObject({ consecutiveFailures: 3, failing: true, lastError: { message: "HTTP 503 Service Unavailable" } });
    // An error kept after a later success: shown, but not failing now.
    expect(sc).toMatchObject({ consecutiveFailures: 0, failing: false, lastError: { at: iso("2026-01-19T12:00:00+08:00"), message: "timed out after 30000 ms" } });
    for (const file of legacy) expect(file).toMatchObject({ ...never, consecutiveFailures: 0 });
    // Distribution.freshness is the same per file.
    expect(distributions.map((file: { freshness: unknown }) => file.freshness)).toEqual(
      freshness.distributions.map(({ consecutiveFailures, failing, lastCheckedAt }: Record<string, unknown>) => ({ consecutiveFailures, failing, lastCheckedAt })),
    );
  });

  it("is nulls for a dataset whose files were never checked", async () => {
    const response = await harness.query(`{ dataset(id: "ha-sopc-new-case-waiting-time") { freshness { ${freshnessFields} distributions { consecutiveFailures ${freshnessFields} } } } }`);
    expect(response.errors).toBeUndefined();
    const { freshness } = response.data.dataset;
    expect(freshness).toMatchObject(never);
    expect(freshness.distributions).toEqual(datasetDefinition("ha-sopc-new-case-waiting-time")!.distributions.map(() => ({ ...never, consecutiveFailures: 0 })));
  });

  it("shows a failing source there and nowhere else: its records are served, /ready and /health answer 200", async () => {
    const response = await harness.query(`{
      dataset(id: "${AED}") { freshness { failing } records(first: 3) { totalCount edges { node { fields } } } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.dataset.freshness.failing).toBe(true);
    expect(response.data.dataset.records.totalCount).toBeGreaterThan(0);
    expect(response.data.dataset.records.edges).toHaveLength(3);
    for (const path of ["/ready", "/health"]) expect((await fetch(new URL(path, harness.gateway.url))).status, path).toBe(200);
  });
});

describe("the README's example", () => {
  it("answers as the README shows it", async () => {
    const readme = readFileSync(resolve(import.meta.dirname, "../../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Where each dataset is published"));
    const query = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
    expect(query).toContain("freshness");
    const response = await harness.query(query!);
    expect(response.errors).toBeUndefined();
    expect(response.data.dataset.freshness.failing).toBe(true);
  });
});

describe("SQL statements of freshness", () => {
  const idsWithFiles = ["ha-aed-waiting-time", "ha-facility-directory", "ha-sopc-new-case-waiting-time", "hb-covid19-vaccination-by-age", "ha-gopc-consultation-quota"];

  it("would be one per dataset if each dataset read its own rows: the counter sees each", async () => {
    const { statements } = await harness.store.sqlLog.record(() =>
      Promise.all(idsWithFiles.map((datasetId) => harness.store.prisma.distributionSync.findMany({ where: { datasetId } }))),
    );
    expect(statements).toHaveLength(idsWithFiles.length);
  });

  it("are one batched statement for every dataset of a query, on a page or by id", async () => {
    const page = `{ datasets(first: 100) { edges { node { id freshness { failing distributions { url } } distributions { freshness { lastCheckedAt } } } } } }`;
    const recorded = await harness.store.sqlLog.record(() => harness.query(page));
    expect(recorded.result.errors).toBeUndefined();
    // The page of datasets, then their sync rows: 2, however many datasets (26 plus the registered one).
    expect(recorded.result.data.datasets.edges).toHaveLength(27);
    expect(recorded.statements).toHaveLength(2);
    expect(recorded.statements[1]).toMatch(/"DistributionSync"/);

    const byId = `{ ${idsWithFiles.map((id, index) => `d${index}: dataset(id: "${id}") { freshness { lastCheckedAt } }`).join(" ")} }`;
    const lookups = await harness.store.sqlLog.record(() => harness.query(byId));
    expect(lookups.result.errors).toBeUndefined();
    // Datasets by id, then the sync rows of all five.
    expect(lookups.statements).toHaveLength(2);
  });
});
