import { describe, expect, it } from "vitest";
import { backfill, RequestRate } from "../src/index.js";
import { AED_HOSPITAL_COUNT, AED_V2_EN, archivedAedFeed } from "./support/aed-versions.js";
import { storeAndArchive } from "./support/store-and-archive.js";

const AED = "ha-aed-waiting-time";

const context = storeAndArchive();

const run = (day: string, signal?: AbortSignal, onVersionDone?: (done: number) => void) =>
  backfill(context.store, {
    datasetId: AED,
    range: { start: day, end: day },
    urls: [AED_V2_EN],
    mirror: context.archive.mirror,
    rate: new RequestRate(1_000),
    signal,
    onEvent: (event) => event.kind === "version" && onVersionDone?.(event.done),
  });

async function ingestionsOn(day: string) {
  const from = new Date(`${day}T00:00:00+08:00`);
  const to = new Date(from.getTime() + 86_400_000);
  return context.store.prisma.ingestion.findMany({ where: { datasetId: AED, observedAt: { gte: from, lt: to } }, select: { observedAt: true, recordCount: true } });
}

describe("a backfill stopped part-way and run again", { timeout: 300_000 }, () => {
  it("stopped between versions: the second run does the rest, requests none of the done ones again, ingests none twice", async () => {
    const day = "2026-02-02";
    const feed = archivedAedFeed(new Date(`${day}T00:00:00+08:00`), 96);
    context.archive.files.set(AED_V2_EN, feed);
    const stop = new AbortController();
    const first = await run(day, stop.signal, (done) => done === 30 && stop.abort());
    expect(first).toMatchObject({ total: 96, ingested: 30, skipped: 0, failed: 0, stopped: true });
    expect(await ingestionsOn(day)).toHaveLength(30);
    const requestedFirst = new Set(context.archive.fileRequests().keys());
    expect(requestedFirst.size).toBe(30);

    context.archive.requests.length = 0;
    const second = await run(day);
    expect(second).toMatchObject({ total: 96, ingested: 66, skipped: 30, failed: 0, stopped: false });
    const requestedSecond = [...context.archive.fileRequests().keys()];
    expect(requestedSecond).toHaveLength(66);
    expect(requestedSecond.filter((time) => requestedFirst.has(time))).toEqual([]);
    const ingestions = await ingestionsOn(day);
    expect(ingestions).toHaveLength(96);
    expect(new Set(ingestions.map((ingestion) => ingestion.observedAt.getTime())).size).toBe(96);
    expect(ingestions.every((ingestion) => ingestion.recordCount === AED_HOSPITAL_COUNT)).toBe(true);
  });

  it("stopped while a version downloads: that version is rolled back whole, and the next run ingests it once", async () => {
    const day = "2026-02-03";
    const feed = archivedAedFeed(new Date(`${day}T00:00:00+08:00`), 96);
    context.archive.files.set(AED_V2_EN, feed);
    const interrupted = feed.timestamps[10]!;
    const stop = new AbortController();
    context.archive.onRequest = (request) => request.kind === "get" && request.params["time"] === interrupted && stop.abort();
    const recordsBefore = await context.store.prisma.record.count();
    const first = await run(day, stop.signal);
    expect(first).toMatchObject({ ingested: 10, stopped: true });
    expect(await ingestionsOn(day)).toHaveLength(10);
    expect(await context.store.prisma.record.count()).toBe(recordsBefore + 10 * AED_HOSPITAL_COUNT); // nothing of the 11th

    context.archive.onRequest = () => {};
    const second = await run(day);
    expect(second).toMatchObject({ ingested: 86, skipped: 10, failed: 0, stopped: false });
    expect(context.archive.fileRequests().get(interrupted)).toBe(2); // asked once in each run; stored once
    expect(await ingestionsOn(day)).toHaveLength(96);
    expect(await context.store.prisma.record.count()).toBe(recordsBefore + 96 * AED_HOSPITAL_COUNT);
  });
});

describe("versions with the same bytes as one before", { timeout: 120_000 }, () => {
  it("are skipped as duplicates, written once, and not downloaded again by the next run", async () => {
    const day = "2026-02-04";
    const feed = archivedAedFeed(new Date(`${day}T00:00:00+08:00`), 6);
    // The feed did not move for an hour: the archive kept the same file four times.
    context.archive.files.set(AED_V2_EN, { timestamps: feed.timestamps, body: (time) => feed.body(feed.timestamps[Math.min(feed.timestamps.indexOf(time), 2)]!) });
    const first = await run(day);
    expect(first).toMatchObject({ total: 6, ingested: 3, skipped: 3, failed: 0 });
    expect(await ingestionsOn(day)).toHaveLength(3);

    context.archive.requests.length = 0;
    const second = await run(day);
    expect(second).toMatchObject({ total: 6, ingested: 0, skipped: 6, failed: 0 });
    expect(context.archive.fileRequests().size).toBe(0);
  });
});
