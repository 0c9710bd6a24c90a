import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTarget } from "../src/run/check.js";
import type { CheckOutcome } from "../src/run/outcome.js";
import { claimTarget } from "../src/schedule/claim.js";
import { startScheduler } from "../src/schedule/scheduler.js";
import { prepareTargets, type SyncTarget } from "../src/schedule/targets.js";
import { mirrorFixtures } from "../src/testing.js";
import { manualClock, paths, syncWorld, waitFor, type SyncWorld } from "./support/sync-store.js";

let world: SyncWorld;
let targets: SyncTarget[];
beforeAll(async () => {
  world = await syncWorld();
  targets = await prepareTargets(world.store, new Date());
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const target = (path: string) => targets.find((candidate) => candidate.url === `https:/${path}`)!;
const row = (path: string) => world.store.prisma.distributionSync.findFirstOrThrow({ where: { url: `https:/${path}` } });

describe("the scheduler", { timeout: 120_000 }, () => {
  it("has a row, due at once, for every distribution of every dataset the store has, the off-plan ones registered", async () => {
    const rows = await world.store.prisma.distributionSync.count();
    expect(rows).toBe(targets.length);
    expect(targets.some((candidate) => candidate.datasetId === "dh-chp-covid19-cases")).toBe(true);
    expect(await world.store.prisma.dataset.findUnique({ where: { id: "dh-chp-covid19-cases" }, select: { id: true } })).not.toBeNull();
  });

  it("backs a failing source off (30 s, then 60 s), skips it until then, and recovers", async () => {
    const clock = manualClock();
    const settings = { owner: "test", mirror: world.mirror.url, fetchTimeoutMs: 2_000, now: clock.now, random: () => 0.5 };
    const hosp = target(paths.hosp);
    world.mirror.behave(paths.hosp, { kind: "status", status: 503 });
    const first = await checkTarget(world.store, hosp, settings, { evenIfNotDue: true });
    expect(first).toMatchObject({ status: "failed", failures: 1, nextCheckAt: new Date(clock.now().getTime() + 30_000) });
    clock.advance(10_000);
    expect((await checkTarget(world.store, hosp, settings)).status).toBe("skipped"); // not due yet
    clock.advance(20_000);
    const second = await checkTarget(world.store, hosp, settings);
    expect(second).toMatchObject({ status: "failed", failures: 2, nextCheckAt: new Date(clock.now().getTime() + 60_000) });
    world.mirror.behave(paths.hosp, undefined);
    clock.advance(60_000);
    const recovered = await checkTarget(world.store, hosp, settings);
    expect(recovered).toMatchObject({ status: "changed", failures: 0, nextCheckAt: new Date(clock.now().getTime() + hosp.periodMs) });
    expect(await row(paths.hosp)).toMatchObject({ failures: 0, lastCheckedAt: clock.now(), lastChangedAt: clock.now(), claimedBy: null });
    expect((await row(paths.hosp)).lastError).toContain("503");
  });

  it("claims with one conditional UPDATE, which a second claimer (a live claim) does not get", async () => {
    const gop = target(paths.gop);
    const now = new Date();
    const claim = (owner: string) => claimTarget(world.store.prisma, gop, { owner, now, leaseMs: 60_000, random: () => 0.5, evenIfNotDue: true });
    const { result, statements } = await world.store.sqlLog.record(() => claim("first"));
    expect(result).toBe(true);
    expect(statements.filter((sql) => !/^(BEGIN|COMMIT)/i.test(sql.trim()))).toHaveLength(1);
    expect(statements.find((sql) => /^UPDATE/i.test(sql.trim()))).toMatch(/"claimedUntil"/);
    expect(await claim("second")).toBe(false);
    expect((await row(paths.gop)).claimedBy).toBe("first");
    await world.store.prisma.distributionSync.update({ where: { datasetId_url: { datasetId: gop.datasetId, url: gop.url } }, data: { claimedBy: null, claimedUntil: null } });
  });

  it("moves a claimed row a jittered period on (within 10%), so processes started together drift apart", async () => {
    const clock = manualClock(new Date("2026-12-03T00:00:00Z"));
    const sop = target(paths.sop);
    for (const draw of [0, 0.999_999]) {
      const random = () => draw;
      const outcome = await checkTarget(world.store, sop, { owner: "test", mirror: world.mirror.url, fetchTimeoutMs: 2_000, now: clock.now, random }, { evenIfNotDue: true });
      expect(outcome.status, outcome.error).not.toBe("failed");
      const wait = outcome.nextCheckAt!.getTime() - clock.now().getTime();
      expect(wait).toBeGreaterThanOrEqual(0.9 * sop.periodMs);
      expect(wait).toBeLessThanOrEqual(1.1 * sop.periodMs);
      expect(wait).not.toBe(sop.periodMs);
    }
  });

  it("two schedulers on one store fetch each file once per period, and every distribution gets checked", async () => {
    await world.store.prisma.distributionSync.updateMany({ data: { nextCheckAt: new Date(0) } });
    const before = world.mirror.requests.length;
    const outcomes: CheckOutcome[] = [];
    const options = { mirror: world.mirror.url, fetchTimeoutMs: 5_000, concurrency: 3, tickMs: 50, onCheck: (outcome: CheckOutcome) => outcomes.push(outcome) };
    const schedulers = [startScheduler(world.store, { ...options, owner: "one" }), startScheduler(world.store, { ...options, owner: "two" })];
    try {
      await waitFor(() => outcomes.length >= targets.length, 90_000, "every distribution checked");
      // A few more ticks of both: nothing is due again within the period (failures wait 30 s).
      const settled = world.mirror.requests.length;
      await new Promise((pause) => setTimeout(pause, 500));
      expect(world.mirror.requests.length).toBe(settled);
    } finally {
      await Promise.all(schedulers.map((scheduler) => scheduler.stop(5_000)));
    }
    const fetched = world.mirror.requests.slice(before);
    expect(fetched).toHaveLength(targets.length);
    expect(new Set(fetched).size).toBe(targets.length);
    // A file fails exactly when the mirror does not hold it (404).
    const served = (url: string) => existsSync(join(mirrorFixtures, new URL(url).host, new URL(url).pathname));
    for (const outcome of outcomes) expect(outcome.status === "failed", outcome.target.url).toBe(!served(outcome.target.url));
    expect(outcomes.filter((outcome) => outcome.status !== "failed").length).toBeGreaterThanOrEqual(4);
    expect(outcomes.find((outcome) => outcome.target.resource === "aedwtdata2-en")).toMatchObject({ status: "changed", records: 18 });
  });

  it("stops cleanly: a check still running after the grace is aborted, rolled back and due again", async () => {
    const gop = target(paths.gop);
    await world.store.prisma.distributionSync.updateMany({ where: { url: gop.url }, data: { nextCheckAt: new Date(0) } });
    world.mirror.behave(paths.gop, { kind: "hang" });
    const asked = world.mirror.requestsFor(paths.gop);
    const outcomes: CheckOutcome[] = [];
    const scheduler = startScheduler(world.store, { owner: "stopper", mirror: world.mirror.url, fetchTimeoutMs: 60_000, concurrency: 2, tickMs: 50, onCheck: (outcome) => outcomes.push(outcome) });
    try {
      await waitFor(() => world.mirror.requestsFor(paths.gop) > asked, 30_000, "the hanging fetch");
      expect(scheduler.running).toBe(1);
      const stoppedAt = Date.now();
      expect(await scheduler.stop(100)).toEqual({ aborted: 1 });
      expect(outcomes.map((outcome) => outcome.status)).toEqual(["interrupted"]);
      const stopped = await row(paths.gop);
      expect(stopped.claimedBy).toBeNull();
      expect(stopped.nextCheckAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(stopped.nextCheckAt.getTime()).toBeGreaterThanOrEqual(stoppedAt - 1_000);
      expect(stopped.failures).toBe(0);
    } finally {
      world.mirror.behave(paths.gop, undefined);
    }
  });
});
