import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createTestDatabase, type TestDatabase } from "@hkhealth/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mirrorFixtures, startMirrorServer, type MirrorServer } from "../src/testing.js";
import { paths } from "./support/sync-store.js";

const repositoryRoot = resolve(import.meta.dirname, "../../..");
const scratch = mkdtempSync(join(tmpdir(), "hkhealth-sync-cli-"));
let mirror: MirrorServer;
let database: Record<string, string>;
let serverDatabase: TestDatabase | undefined;
beforeAll(async () => {
  mirror = await startMirrorServer(mirrorFixtures);
  const serverUrl = process.env.DATABASE_URL;
  serverDatabase = serverUrl ? await createTestDatabase(serverUrl) : undefined;
  database = serverDatabase ? { DATABASE_URL: serverDatabase.url } : { DATABASE_URL: "", PGLITE_DATA_DIR: join(scratch, "pglite") };
});
afterAll(async () => {
  await mirror?.close();
  await serverDatabase?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pnpm sync` as the root script does (tsx, source conditions); `whenStarted` is called once it runs. */
function sync(args: string[], whenStarted?: (interrupt: () => void) => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@hkhealth/source", "packages/sync/src/cli/sync.ts", ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, ...database, TSX_TSCONFIG_PATH: join(repositoryRoot, "tsconfig.json"), SOURCES_MIRROR: mirror.url, SYNC_TIMEOUT_MS: "3000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("exit", (status) => done({ status, stdout, stderr }));
    whenStarted?.(() => child.kill("SIGINT"));
  });
}

const sorted = (text: string) => text.trim().split("\n").sort();

// Each run is a process that opens the database: slow on a busy machine.
describe("pnpm sync", { timeout: 180_000 }, () => {
  it("prints one line per distribution and exits 0 when none failed (no progress bar off a terminal)", async () => {
    const run = await sync(["ha-facility-directory"]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(sorted(run.stdout)).toEqual([
      "ha-facility-directory facility-gop: changed (3 records)",
      "ha-facility-directory facility-hosp: changed (20 records)",
      "ha-facility-directory facility-sop: changed (3 records)",
    ]);
    const again = await sync(["ha-facility-directory"]);
    expect(sorted(again.stdout)).toEqual(["facility-gop", "facility-hosp", "facility-sop"].map((resource) => `ha-facility-directory ${resource}: unchanged`));
  });

  it("exits 1 when a distribution failed, saying why, after retrying it", async () => {
    const before = mirror.requestsFor("/www.ha.org.hk/opendata/aed/aedwtdata-tc.json");
    const run = await sync(["ha-aed-waiting-time"]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines).toContain("ha-aed-waiting-time aedwtdata2-en: changed (18 records)");
    expect(lines).toContain(`ha-aed-waiting-time aedwtdata-tc: failed: ${mirror.url}/www.ha.org.hk/opendata/aed/aedwtdata-tc.json: the server answered 404 Not Found`);
    expect(mirror.requestsFor("/www.ha.org.hk/opendata/aed/aedwtdata-tc.json")).toBe(before + 3);
  });

  it("refuses an unknown dataset id with the close ones, exit 2", async () => {
    const run = await sync(["ha-facility-directory", "ha-aed-waitng-time"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^unknown dataset "ha-aed-waitng-time"; did you mean "ha-aed-waiting-time"\?\nusage: pnpm sync \[datasetId\.\.\.\]/);
  });

  it("stops on Ctrl-C: the check running rolls back, exit 130", async () => {
    mirror.behave(paths.hosp, { kind: "hang" });
    try {
      const asked = mirror.requestsFor(paths.hosp);
      const run = await sync(["ha-facility-directory"], (interrupt) => {
        const poll = setInterval(() => {
          if (mirror.requestsFor(paths.hosp) > asked) {
            clearInterval(poll);
            interrupt();
          }
        }, 50);
      });
      expect(run.status).toBe(130);
      expect(run.stderr).toMatch(/^interrupted: \d distribution\(s\) done; the checks running were rolled back\n$/);
      expect(run.stdout).toContain("ha-facility-directory facility-hosp: interrupted: rolled back, nothing written");
    } finally {
      mirror.behave(paths.hosp, undefined);
    }
  });
});
