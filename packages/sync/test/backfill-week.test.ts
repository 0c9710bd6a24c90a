import { describe, expect, it } from "vitest";
import { backfill, RequestRate, type BackfillEvent } from "../src/index.js";
import { AED_HOSPITAL_COUNT, AED_V2_EN, aedSnapshot, archivedAedFeed } from "./support/aed-versions.js";
import { storeAndArchive } from "./support/store-and-archive.js";
import { recordCount, recordsIn } from "./support/store.js";

const AED = "ha-aed-waiting-time";
const WEEK = { start: "2026-01-05", end: "2026-01-11" };
const feed = archivedAedFeed(new Date("2026-01-05T00:00:00+08:00"), 7 * 96);

const context = storeAndArchive();

// Unbounded here (a high rate): the bound has a test of its own, on a clock of its own.
const run = (events: BackfillEvent[] = []) => {
  context.archive.files.set(AED_V2_EN, feed);
  return backfill(context.store, { datasetId: AED, range: WEEK, mirror: context.archive.mirror, rate: new RequestRate(1_000), onEvent: (event) => events.push(event) });
};

describe("a week of 15-minute A&E snapshots from the archive", { timeout: 300_000 }, () => {
  // The archive keeps each version 3 minutes after its updateTime: records observed at the archive's time would be off.
  it("ingests all 672 versions, each observed at its own updateTime, and the graph's records hold them", async () => {
    const started = performance.now();
    const events: BackfillEvent[] = [];
    const summary = await run(events);
    console.info(`672 versions backfilled in ${Math.round(performance.now() - started)} ms`);

    expect(summary).toMatchObject({ total: 672, ingested: 672, skipped: 0, failed: 0, stopped: false, failures: [] });
    // Every distribution of the dataset was asked about (six files, one month each); only the v2 English one has versions.
    const listings = context.archive.requests.filter((request) => request.kind === "list");
    expect(listings).toHaveLength(6);
    expect(listings.every((request) => request.params["start"] === "20260105" && request.params["end"] === "20260111")).toBe(true);
    expect(context.archive.fileRequests().size).toBe(672);
    expect([...context.archive.fileRequests().values()].every((count) => count === 1)).toBe(true);
    expect(events.filter((event) => event.kind === "month")).toHaveLength(1);

    const ingestions = await context.store.prisma.ingestion.findMany({ where: { datasetId: AED }, orderBy: { observedAt: "asc" }, select: { observedAt: true, resource: true, location: true, recordCount: true } });
    expect(ingestions.map((ingestion) => ingestion.observedAt)).toEqual(feed.updateTimes);
    expect(new Set(ingestions.map((ingestion) => ingestion.resource))).toEqual(new Set(["aedwtdata2-en"]));
    expect(ingestions.every((ingestion) => ingestion.recordCount === AED_HOSPITAL_COUNT)).toBe(true);
    expect(ingestions[0]!.location).toBe(`${context.archive.mirror}/api.data.gov.hk/v1/historical-archive/get-file?url=${encodeURIComponent(AED_V2_EN)}&time=20260105-0003`);

    // History over the week, and the snapshot in force at a moment: the one of its quarter hour, not the archive's time.
    expect(await recordCount(context.store, AED, { from: new Date("2026-01-05T00:00:00+08:00"), to: new Date("2026-01-11T23:59:59+08:00") })).toBe(672 * AED_HOSPITAL_COUNT);
    const snapshot = await recordsIn(context.store, AED, { asOf: new Date("2026-01-07T12:01:00+08:00") });
    expect(snapshot).toHaveLength(AED_HOSPITAL_COUNT);
    expect(new Set(snapshot.map((record) => record.observedAt.toISOString()))).toEqual(new Set([new Date("2026-01-07T12:00:00+08:00").toISOString()]));
    const published = JSON.parse(aedSnapshot(new Date("2026-01-07T12:00:00+08:00")).toString("utf8")) as { waitTime: Array<Record<string, string>> };
    const queenMary = "Queen Mary Hospital";
    expect(snapshot.find((record) => record.fields["hospName"] === queenMary)?.fields).toEqual(published.waitTime.find((row) => row["hospName"] === queenMary));
  });

  it("run again, skips every version without downloading it, and writes nothing", async () => {
    const counts = async () => ({ ingestions: await context.store.prisma.ingestion.count(), records: await context.store.prisma.record.count() });
    const before = await counts();
    const summary = await run();
    expect(summary).toMatchObject({ total: 672, ingested: 0, skipped: 672, failed: 0, stopped: false });
    expect(context.archive.requests.map((request) => request.kind)).toEqual(Array(6).fill("list"));
    expect(await counts()).toEqual(before);
  });
});
