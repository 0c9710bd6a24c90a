import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@hkhealth/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBackfillCommand } from "../src/backfill/arguments.js";
import { backfillReporter, type BackfillEvent } from "../src/index.js";
import { AED_V2_EN, archivedAedFeed } from "./support/aed-versions.js";
import { ArchiveServer } from "./support/archive-server.js";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const cli = join(repoRoot, "packages/sync/src/backfill/cli.ts");

describe("pnpm backfill's arguments", () => {
  it("reads a dataset id, the days and the files chosen", () => {
    expect(parseBackfillCommand(["ha-aed-waiting-time", "--from", "2026-01-05", "--to", "2026-01-11", "--url", AED_V2_EN])).toEqual({
      kind: "backfill",
      datasetId: "ha-aed-waiting-time",
      range: { start: "2026-01-05", end: "2026-01-11" },
      resources: [],
      urls: [AED_V2_EN],
    });
    expect(parseBackfillCommand(["x", "--from=2026-01-05", "--to=2026-01-05", "--resource", "a", "--resource", "b"])).toMatchObject({ resources: ["a", "b"] });
  });

  it("refuses, naming the argument at fault", () => {
    const refusal = (...args: string[]) => () => parseBackfillCommand(args);
    expect(refusal("--from", "2026-01-05", "--to", "2026-01-05")).toThrow("give the id of the dataset to backfill");
    expect(refusal("x", "--to", "2026-01-05")).toThrow("--from is required (a day such as 2026-01-05)");
    expect(refusal("x", "--from", "20260105", "--to", "2026-01-05")).toThrow('--from must be a day written YYYY-MM-DD, such as 2026-01-05, not "20260105"');
    expect(refusal("x", "--from", "2026-01-05", "--to", "2026-02-30")).toThrow('--to must be a day written YYYY-MM-DD, such as 2026-01-05, not "2026-02-30"');
    expect(refusal("x", "--from", "2026-01-06", "--to", "2026-01-05")).toThrow("--from 2026-01-06 is after --to 2026-01-05");
    expect(refusal("x", "--from", "2026-01-05", "--to", "2026-01-05", "--resource", "a", "--url", AED_V2_EN)).toThrow("give --resource or --url, not both");
    expect(refusal("x", "--from", "2026-01-05", "--to", "2026-01-05", "--url", "www.ha.org.hk/a.json")).toThrow('--url must be an http(s) URL, not "www.ha.org.hk/a.json"');
    expect(refusal("x", "y", "--from", "2026-01-05", "--to", "2026-01-05")).toThrow('unexpected argument "y"');
    expect(refusal("x", "--from", "2026-01-05", "--to", "2026-01-05", "--since", "2026")).toThrow(/--since/);
  });
});

describe("pnpm backfill's progress on a terminal", () => {
  it("draws a bar of versions done out of all, and clears it before the summary", () => {
    let written = "";
    const reporter = backfillReporter({ isTTY: true, write: (chunk: string) => ((written += chunk), true) } as unknown as NodeJS.WriteStream);
    const distribution = { url: AED_V2_EN, format: "JSON", language: "en", resource: "aedwtdata2-en" } as const;
    const version = { timestamp: "20260105-0003", time: new Date("2026-01-05T00:03:00+08:00") };
    const event: BackfillEvent = { kind: "version", distribution: distribution as never, version, location: "x", outcome: "ingested", done: 1, total: 4 };
    reporter.onEvent({ kind: "listed", total: 4 });
    reporter.onEvent(event);
    reporter.onEvent({ kind: "month", distribution: distribution as never, month: "2026-01", versions: 4, counts: { ingested: 1, skipped: 0, failed: 0 } });
    reporter.finish();
    expect(written).toBe(`\r[########----------------------] 1/4 versions (aedwtdata2-en 20260105-0003)\x1b[K\r\x1b[K`);
  });
});

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

describe("pnpm backfill", { timeout: 240_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), "hkhealth-backfill-"));
  let database: TestDatabase | undefined;
  let archive: ArchiveServer;
  beforeAll(async () => {
    archive = await ArchiveServer.start();
    if (process.env.DATABASE_URL) database = await createTestDatabase(process.env.DATABASE_URL);
  });
  afterAll(async () => {
    await archive?.close();
    await database?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Runs the command as `pnpm backfill` does (tsx, source conditions), in a process of its own, its output not a terminal. */
  function backfillCli(...args: string[]): Promise<Outcome> {
    return backfillCliWith({}, ...args);
  }

  function backfillCliWith(settings: Record<string, string>, ...args: string[]): Promise<Outcome> {
    const { DATABASE_URL: _server, ...environment } = process.env;
    const env = {
      ...environment,
      ...(database ? { DATABASE_URL: database.url } : { PGLITE_DATA_DIR: join(scratch, "pglite") }),
      SOURCES_MIRROR: archive.mirror,
      BACKFILL_RATE: "1000",
      ...settings,
      TSX_TSCONFIG_PATH: join(repoRoot, "tsconfig.json"),
    };
    return new Promise((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "--conditions=@hkhealth/source", cli, ...args], { cwd: repoRoot, env }, (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      });
    });
  }

  it("backfills through the mirror, a line per month and a summary; exits 1 when a version failed", async () => {
    const feed = archivedAedFeed(new Date("2026-01-31T23:00:00+08:00"), 6); // three versions in January, three in February
    archive.files.set(AED_V2_EN, { timestamps: feed.timestamps, body: (time) => (time === feed.timestamps[4] ? Buffer.from("{") : feed.body(time)) });
    const outcome = await backfillCli("ha-aed-waiting-time", "--from", "2026-01-31", "--to", "2026-02-01", "--resource", "aedwtdata2-en");
    expect(outcome.stdout).toBe("backfill of ha-aed-waiting-time 2026-01-31 to 2026-02-01: 6 versions, 5 ingested, 0 skipped, 1 failed\n");
    expect(outcome.stderr.split("\n")).toEqual([
      "aedwtdata2-en 2026-01: 4 versions, 4 ingested, 0 skipped, 0 failed",
      expect.stringMatching(new RegExp(`^failed: ${archive.mirror}/api\\.data\\.gov\\.hk/v1/historical-archive/get-file\\?url=.*&time=${feed.timestamps[4]}: `)),
      "aedwtdata2-en 2026-02: 2 versions, 1 ingested, 0 skipped, 1 failed",
      "",
    ]);
    expect(outcome.status).toBe(1);
  });

  it("exits 2 with the usage on bad arguments, and 1 naming an unknown dataset or a bad setting", async () => {
    const bad = await backfillCli("ha-aed-waiting-time", "--from", "2026-1-31", "--to", "2026-02-01");
    expect(bad).toMatchObject({ status: 2, stdout: "" });
    expect(bad.stderr).toMatch(/^--from must be a day written YYYY-MM-DD, such as 2026-01-05, not "2026-1-31"\nusage:\n {2}pnpm backfill <datasetId>/);
    const unknown = await backfillCli("ha-aed-wait", "--from", "2026-01-31", "--to", "2026-02-01");
    expect(unknown).toEqual({ status: 1, stdout: "", stderr: 'unknown dataset "ha-aed-wait"; did you mean "ha-aed-waiting-time"?\n' });
    const stopped = await backfillCliWith({ BACKFILL_RATE: "0" }, "ha-aed-waiting-time", "--from", "2026-01-31", "--to", "2026-02-01");
    expect(stopped).toMatchObject({ status: 1, stdout: "", stderr: expect.stringMatching(/^Invalid environment: BACKFILL_RATE: /) });
  });
});
