import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIngestCli, type CliOutcome } from "./support/cli.js";
import { pipelineFixture } from "./support/fixtures.js";

const scratch = mkdtempSync(join(tmpdir(), "hkhealth-cli-"));
const dataDir = join(scratch, "pglite");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI on PGlite in a folder of its own. */
function ingestCli(...args: string[]): Promise<CliOutcome> {
  return runIngestCli({ dataDir }, args);
}

// Each run starts a process that opens PGlite: slow on a busy machine.
describe("pnpm ingest", { timeout: 180_000 }, () => {
  it("ingests a file named relative to where it was typed, and prints one summary line", async () => {
    const outcome = await ingestCli("ha-aed-waiting-time", "aed-snapshot-0430.json");
    expect(outcome).toEqual({
      status: 0,
      stdout: `ingested 3 records into ha-aed-waiting-time from ${pipelineFixture("aed-snapshot-0430.json")} (observed 2026-01-20T04:30:00+08:00)\n`,
      stderr: "", // no progress when stderr is not a terminal
    });
  });

  it("is not stopped by a bad value of a variable it does not read (the gateway's), but is by one of its own", async () => {
    const gatewayOnly = { CORS_ORIGINS: "not a url", RATE_LIMIT_COST: "100", SUBGRAPH_URLS: "plan" };
    const outcome = await runIngestCli({ dataDir }, ["ha-aed-waiting-time", "aed-snapshot-0445.json"], gatewayOnly);
    expect(outcome).toMatchObject({ status: 0, stderr: "", stdout: expect.stringMatching(/^ingested \d+ records into ha-aed-waiting-time from /) });
    const refused = await runIngestCli({ dataDir }, ["ha-aed-waiting-time", "aed-snapshot-0445.json"], { ...gatewayOnly, INGEST_MAX_NESTING: "deep" });
    expect(refused).toEqual({ status: 1, stdout: "", stderr: expect.stringMatching(/^Invalid environment: INGEST_MAX_NESTING: [^\n]*\n$/) });
  });

  it("exits 1 with one line naming the file, the line and the field of bad input", async () => {
    const outcome = await ingestCli("hb-covid19-vaccination-by-age", "vaccination-bad-sex.csv", "--format", "csv");
    expect(outcome).toEqual({
      status: 1,
      stdout: "",
      stderr: `${pipelineFixture("vaccination-bad-sex.csv")}: line 3: field "Sex": must be one of "M", "F" (got "X")\n`,
    });
  });

  it("registers a known dataset outside the plan, which files can then go into", async () => {
    expect(await ingestCli("--register", "dh-chp-covid19-situation")).toMatchObject({
      status: 0,
      stdout: "registered dh-chp-covid19-situation (Latest situation of reported cases of COVID-19 in Hong Kong)\n",
    });
  });

  it("exits 2 with the usage on arguments it cannot make sense of", async () => {
    const outcome = await ingestCli("ha-aed-waiting-time", "aed-snapshot-0430.json", "--format", "pdf");
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toMatch(/^--format must be one of json, csv, xlsx, xml, not "pdf"\nusage:\n {2}pnpm ingest <datasetId> <file-or-url>/);
  });

  it("exits 1 when another process holds the PGlite folder", async () => {
    writeFileSync(`${dataDir}.lock`, String(process.pid)); // this test's process: alive
    try {
      const outcome = await ingestCli("ha-aed-waiting-time", "aed-snapshot-0445.json");
      expect(outcome.status).toBe(1);
      expect(outcome.stderr).toBe(
        `Cannot reach the database at PGlite at ${dataDir}: the folder is in use by process ${process.pid} (${dataDir}.lock); stop it, or set DATABASE_URL to use a PostgreSQL server\n`,
      );
    } finally {
      rmSync(`${dataDir}.lock`);
    }
  });
});
