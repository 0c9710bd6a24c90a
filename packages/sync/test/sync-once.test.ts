import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncOnce } from "../src/run/sync-once.js";
import { outcomeLine } from "../src/cli/outcome-line.js";
import type { CheckOutcome } from "../src/run/outcome.js";
import { haDatasets, paths, syncWorld, type SyncWorld } from "./support/sync-store.js";

let world: SyncWorld;
beforeAll(async () => {
  world = await syncWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const run = (datasetIds = haDatasets) =>
  syncOnce(world.store, { owner: "test", mirror: world.mirror.url, fetchTimeoutMs: 2_000, concurrency: 3, datasetIds, retries: 0 });

const byResource = (outcomes: CheckOutcome[]) => Object.fromEntries(outcomes.map((outcome) => [outcome.target.resource, outcome]));

const row = (url: string) => world.store.prisma.distributionSync.findFirstOrThrow({ where: { url } });
const official = (path: string) => `https:/${path}`;

describe("checking every distribution once (pnpm sync)", { timeout: 120_000 }, () => {
  it("ingests what the mirror serves, fails what it does not, and says which in one line each", async () => {
    const outcomes = byResource(await run());
    expect(Object.keys(outcomes).sort()).toEqual(
      ["aedwtdata-en", "aedwtdata-sc", "aedwtdata-tc", "aedwtdata2-en", "aedwtdata2-sc", "aedwtdata2-tc", "facility-gop", "facility-hosp", "facility-sop"],
    );
    expect(outcomeLine(outcomes["aedwtdata2-en"]!)).toBe("ha-aed-waiting-time aedwtdata2-en: changed (18 records)");
    expect(outcomeLine(outcomes["facility-hosp"]!)).toBe("ha-facility-directory facility-hosp: changed (20 records)");
    expect(outcomeLine(outcomes["aedwtdata-tc"]!)).toBe(
      `ha-aed-waiting-time aedwtdata-tc: failed: ${world.mirror.url}/www.ha.org.hk/opendata/aed/aedwtdata-tc.json: the server answered 404 Not Found`,
    );
    // DistributionSync keeps the official URL; the ingestion, where the bytes came from.
    const hosp = await row(official(paths.hosp));
    expect(hosp).toMatchObject({ resource: "facility-hosp", failures: 0, lastError: null, claimedBy: null });
    expect(hosp.lastChangedAt).toEqual(hosp.lastCheckedAt);
    const ingestion = await world.store.prisma.ingestion.findFirstOrThrow({ where: { resource: "facility-hosp" } });
    expect(ingestion.location).toBe(`${world.mirror.url}${paths.hosp}`);
    const missing = await row("https://www.ha.org.hk/opendata/aed/aedwtdata-tc.json");
    expect(missing).toMatchObject({ failures: 1, lastCheckedAt: null, lastChangedAt: null, claimedBy: null });
    expect(missing.lastError).toContain("404");
  });

  it("answers unchanged the second time (a 304), and records the check but not a change", async () => {
    const before = await row(official(paths.aedV2En));
    const requests = world.mirror.requestsFor(paths.aedV2En);
    const outcomes = byResource(await run());
    expect(world.mirror.requestsFor(paths.aedV2En)).toBe(requests + 1);
    for (const resource of ["aedwtdata2-en", "facility-hosp", "facility-sop", "facility-gop"]) {
      expect(outcomeLine(outcomes[resource]!)).toMatch(/: unchanged$/);
    }
    const after = await row(official(paths.aedV2En));
    expect(after.lastCheckedAt!.getTime()).toBeGreaterThan(before.lastCheckedAt!.getTime());
    expect(after.lastChangedAt).toEqual(before.lastChangedAt);
    expect((await row("https://www.ha.org.hk/opendata/aed/aedwtdata-tc.json")).failures).toBe(2);
  });

  it("refuses a bad file whole: the failure is recorded, the other distributions succeed and the records already there stay", async () => {
    const records = () => world.store.prisma.record.count({ where: { datasetId: "ha-facility-directory" } });
    const stored = await records();
    world.mirror.behave(paths.sop, { kind: "bytes", body: JSON.stringify([{ institution_eng: "Nowhere Clinic", institution_tc: "無", latitude: 51.5, longitude: -0.12 }]) });
    try {
      const outcomes = byResource(await run(["ha-facility-directory"]));
      expect(outcomes["facility-sop"]!.status).toBe("failed");
      expect(outcomes["facility-sop"]!.error).toContain('field "latitude"');
      expect(outcomes["facility-hosp"]!.status).toBe("unchanged");
      expect(await records()).toBe(stored);
      const sop = await row(official(paths.sop));
      expect(sop.failures).toBe(1);
      expect(sop.lastError).toContain("must be a latitude in Hong Kong");
      expect(sop.lastCheckedAt).not.toBeNull(); // the earlier success stays on record
    } finally {
      world.mirror.behave(paths.sop, undefined);
    }
  });

  it("fails a source that answers 503 or does not answer in time, and retries it within the run", async () => {
    world.mirror.behave(paths.hosp, { kind: "status", status: 503 });
    world.mirror.behave(paths.gop, { kind: "hang" });
    try {
      const requests = world.mirror.requestsFor(paths.hosp);
      const outcomes = byResource(
        await syncOnce(world.store, {
          owner: "test",
          mirror: world.mirror.url,
          fetchTimeoutMs: 500,
          concurrency: 3,
          datasetIds: ["ha-facility-directory"],
          retries: 2,
          retryDelayMs: 10,
        }),
      );
      expect(world.mirror.requestsFor(paths.hosp)).toBe(requests + 3);
      expect(outcomes["facility-hosp"]!.error).toBe(`${world.mirror.url}${paths.hosp}: the server answered 503 Service Unavailable`);
      expect(outcomes["facility-hosp"]!.failures).toBe(3);
      expect(outcomes["facility-gop"]!.error).toBe(`${world.mirror.url}${paths.gop}: no complete answer within 500 ms`);
    } finally {
      world.mirror.behave(paths.hosp, undefined);
      world.mirror.behave(paths.gop, undefined);
    }
    const outcomes = byResource(await run(["ha-facility-directory"]));
    expect(outcomes["facility-hosp"]!.status).toBe("unchanged");
    const hosp = await row(official(paths.hosp));
    expect(hosp).toMatchObject({ failures: 0 });
    expect(hosp.lastError).toContain("503"); // kept after the recovery
  });

  it("ingests a new version of a file as a change", async () => {
    const feed = { waitTime: [{ hospName: "Queen Mary Hospital", t1wt: "0 minute", t2wt: "less than 15 minutes", t3p50: "20 minutes", t3p95: "1 hour", t45p50: "2 hours", t45p95: "3 hours" }], updateTime: "2/12/2026 1:30PM" };
    world.mirror.behave(paths.aedV2En, { kind: "bytes", body: JSON.stringify(feed) });
    try {
      const outcomes = byResource(await run(["ha-aed-waiting-time"]));
      expect(outcomeLine(outcomes["aedwtdata2-en"]!)).toBe("ha-aed-waiting-time aedwtdata2-en: changed (1 records)");
    } finally {
      world.mirror.behave(paths.aedV2En, undefined);
    }
  });
});
