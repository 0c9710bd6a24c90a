import { describe, expect, it } from "vitest";
import { backfill, BackfillError, RequestRate, type Clock } from "../src/index.js";
import { AED_HOSPITAL_COUNT, AED_V2_EN, archivedAedFeed } from "./support/aed-versions.js";
import { storeAndArchive } from "./support/store-and-archive.js";

const AED = "ha-aed-waiting-time";

const context = storeAndArchive();

/** A clock that never waits: sleeping moves it on. The server stamps requests with it. */
class VirtualClock implements Clock {
  #now = 0;
  now(): number {
    return this.#now;
  }
  async sleep(ms: number): Promise<void> {
    this.#now += ms;
  }
}

describe("the request rate", () => {
  it("keeps every request to the archive, listings and files, to BACKFILL_RATE in any second", async () => {
    context.archive.files.set(AED_V2_EN, archivedAedFeed(new Date("2026-03-02T00:00:00+08:00"), 20));
    const clock = new VirtualClock();
    context.archive.clock = () => clock.now();
    const summary = await backfill(context.store, { datasetId: AED, range: { start: "2026-03-02", end: "2026-03-02" }, mirror: context.archive.mirror, rate: new RequestRate(2, clock) });
    expect(summary).toMatchObject({ total: 20, ingested: 20 });
    const times = context.archive.requests.map((request) => request.at);
    expect(times).toHaveLength(6 + 20); // a listing per distribution, then the versions
    const busiestSecond = Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 1_000).length));
    expect(busiestSecond).toBe(2);
    expect(times.at(-1)).toBe(25 * 500); // one every half second, from the first
  });
});

describe("versions that fail, and what cannot start", { timeout: 120_000 }, () => {
  it("reports a broken version with its URL and the reason, ingests the rest, and tries only it again next time", async () => {
    const feed = archivedAedFeed(new Date("2026-03-09T00:00:00+08:00"), 10);
    const [truncated, blankHospital] = [feed.timestamps[3]!, feed.timestamps[7]!];
    context.archive.files.set(AED_V2_EN, {
      timestamps: feed.timestamps,
      body: (timestamp) =>
        timestamp === truncated
          ? feed.body(timestamp).subarray(0, 200)
          : timestamp === blankHospital
            ? Buffer.from(feed.body(timestamp).toString("utf8").replace('"hospName":"Kwong Wah Hospital"', '"hospName":""'))
            : feed.body(timestamp),
    });
    const run = () => backfill(context.store, { datasetId: AED, range: { start: "2026-03-09", end: "2026-03-09" }, urls: [AED_V2_EN], mirror: context.archive.mirror, rate: new RequestRate(1_000) });
    const recordsBefore = await context.store.prisma.record.count();
    const summary = await run();
    expect(summary).toMatchObject({ total: 10, ingested: 8, skipped: 0, failed: 2, stopped: false });
    expect(summary.failures.map((failure) => failure.location)).toEqual([truncated, blankHospital].map((time) => expect.stringContaining(`&time=${time}`)));
    expect(summary.failures[0]!.message).toMatch(/get-file\?url=.*&time=\d{8}-\d{4}: .*(JSON|end)/i);
    expect(summary.failures[1]!.message).toMatch(/field "hospName"/);
    expect(await context.store.prisma.record.count()).toBe(recordsBefore + 8 * AED_HOSPITAL_COUNT);

    context.archive.requests.length = 0;
    const again = await run();
    expect(again).toMatchObject({ ingested: 0, skipped: 8, failed: 2 });
    expect([...context.archive.fileRequests().keys()].sort()).toEqual([truncated, blankHospital].sort());
  });

  it("stops before ingesting anything when a listing fails, and counts each version the archive will not give as failed", async () => {
    const range = { start: "2026-03-16", end: "2026-03-16" };
    context.archive.files.set(AED_V2_EN, archivedAedFeed(new Date("2026-03-16T00:00:00+08:00"), 3));
    const attempt = () => backfill(context.store, { datasetId: AED, range, urls: [AED_V2_EN], mirror: context.archive.mirror, rate: new RequestRate(1_000) });
    const ingestionsBefore = await context.store.prisma.ingestion.count();

    context.archive.overrides.set("list", { status: 502, body: "Bad Gateway" });
    await expect(attempt()).rejects.toThrow(new RegExp(`list-file-versions\\?url=.*&start=20260316&end=20260316: the archive answered 502 Bad Gateway \\(Bad Gateway\\)$`));
    expect(context.archive.fileRequests().size).toBe(0);

    context.archive.overrides.clear();
    context.archive.overrides.set("get", { status: 503, body: "busy" });
    const summary = await attempt();
    expect(summary).toMatchObject({ total: 3, ingested: 0, failed: 3 });
    expect(summary.failures.every((failure) => /get-file\?url=.*&time=20260316-\d{4}: the server answered 503 Service Unavailable$/.test(failure.message))).toBe(true);
    expect(await context.store.prisma.ingestion.count()).toBe(ingestionsBefore);
  });

  it("observes a file without its own time at its archive time, and backfills only the resource asked", async () => {
    const sop = "https://www.ha.org.hk/opendata/sop/sop-waiting-time-en.json";
    const timestamps = ["20260401-0915", "20260408-0915", "20260415-0915"];
    context.archive.files.set(sop, {
      timestamps,
      body: (timestamp) =>
        Buffer.from(JSON.stringify([{ cluster: "HKE", specialty: "ENT", category: "Urgent", description: "Median", value: `<1 week (${timestamp})` }])),
    });
    const summary = await backfill(context.store, {
      datasetId: "ha-sopc-new-case-waiting-time",
      range: { start: "2026-04-01", end: "2026-04-30" },
      resources: ["sop-waiting-time-en"],
      mirror: context.archive.mirror,
      rate: new RequestRate(1_000),
    });
    expect(summary).toMatchObject({ total: 3, ingested: 3, failed: 0 });
    expect(context.archive.requests.filter((request) => request.kind === "list").map((request) => request.url)).toEqual([sop]);
    const ingestions = await context.store.prisma.ingestion.findMany({ where: { datasetId: "ha-sopc-new-case-waiting-time" }, orderBy: { observedAt: "asc" }, select: { observedAt: true, resource: true } });
    expect(ingestions).toEqual(["2026-04-01", "2026-04-08", "2026-04-15"].map((day) => ({ observedAt: new Date(`${day}T09:15:00+08:00`), resource: "sop-waiting-time-en" })));
  });

  it("refuses an unknown dataset (naming the close ids), one without distributions, and a file or resource it does not have", async () => {
    const range = { start: "2026-01-01", end: "2026-01-31" };
    const attempt = (request: { datasetId: string; resources?: string[]; urls?: string[] }) =>
      backfill(context.store, { ...request, range, mirror: context.archive.mirror, rate: new RequestRate(1_000) });
    await expect(attempt({ datasetId: "ha-aed-waiting-tme" })).rejects.toThrow(new BackfillError('unknown dataset "ha-aed-waiting-tme"; did you mean "ha-aed-waiting-time"?'));
    await expect(attempt({ datasetId: "dh-health-facts" })).rejects.toThrow(/dataset "dh-health-facts" has no known distribution/);
    await expect(attempt({ datasetId: AED, resources: ["aedwtdata3-en"] })).rejects.toThrow(/dataset "ha-aed-waiting-time" has no resource "aedwtdata3-en"; its resources: "aedwtdata2-en", /);
    await expect(attempt({ datasetId: AED, urls: ["https://www.ha.org.hk/opendata/aed/aedwtdata3-en.json"] })).rejects.toThrow(/has no distribution at "https:\/\/www.ha.org.hk\/opendata\/aed\/aedwtdata3-en.json"; its files: /);
    await expect(attempt({ datasetId: "dh-chp-covid19-cases" })).rejects.toThrow(/"dh-chp-covid19-cases" is not in the database: register it first \(pnpm ingest --register dh-chp-covid19-cases\)/);
    expect(context.archive.requests).toEqual([]);
  });
});
