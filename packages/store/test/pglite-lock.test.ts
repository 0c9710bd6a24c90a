import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createStore, DatabaseUnavailableError } from "../src/index.js";

const parent = mkdtempSync(join(tmpdir(), "hkhealth-lock-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

let folders = 0;
/** A data folder of its own for each test, and the lock file beside it. */
function dataFolder(): { dataDir: string; lockFile: string } {
  const dataDir = join(parent, `pglite-${++folders}`);
  return { dataDir, lockFile: `${dataDir}.lock` };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** A process that runs until killed: it stands for a gateway holding the folder. */
async function runningProcess(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  await new Promise((resolve) => child.once("spawn", resolve));
  return child.pid!;
}

/** The id of a process that has already ended. */
function endedProcess(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

describe("the PGlite data folder lock", () => {
  it("is taken with this process's id while the store is open, and released on close", async () => {
    const { dataDir, lockFile } = dataFolder();
    const store = await createStore({ dataDir, migrate: false });
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    await store.close();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("refuses a folder another running process holds, naming that process", async () => {
    const { dataDir, lockFile } = dataFolder();
    const holder = await runningProcess();
    writeFileSync(lockFile, String(holder));
    const opening = createStore({ dataDir, migrate: false });
    await expect(opening).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(opening).rejects.toThrow(`the folder is in use by process ${holder}`);
    await expect(opening).rejects.toThrow("DATABASE_URL");
    expect(readFileSync(lockFile, "utf8")).toBe(String(holder)); // left to its owner
    expect(existsSync(dataDir)).toBe(false); // PGlite never opened it
  });

  it("refuses a second store on a folder this process already has open", async () => {
    const { dataDir } = dataFolder();
    const store = await createStore({ dataDir, migrate: false });
    try {
      await expect(createStore({ dataDir, migrate: false })).rejects.toThrow(`in use by this process (${process.pid})`);
    } finally {
      await store.close();
    }
  });

  it("replaces a lock left by a process that has ended", async () => {
    const { dataDir, lockFile } = dataFolder();
    writeFileSync(lockFile, String(endedProcess()));
    const store = await createStore({ dataDir, migrate: false });
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    await store.close();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("counts a lock without a process id as held, unless it is old", async () => {
    const { dataDir, lockFile } = dataFolder();
    writeFileSync(lockFile, ""); // as a process that has only just created it might leave it
    await expect(createStore({ dataDir, migrate: false })).rejects.toThrow("the folder is in use by another process");
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(lockFile, longAgo, longAgo);
    const store = await createStore({ dataDir, migrate: false });
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    await store.close();
  });
});

/** Starts `count` processes that each try to take the folder's lock at the same moment; returns what each said. */
async function raceForLock(dataDir: string, count: number): Promise<string[]> {
  const racers = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ["--import", "tsx", racerScript, dataDir], { stdio: ["pipe", "pipe", "inherit"], env: racerEnvironment });
    children.push(child);
    const lines = createInterface({ input: child.stdout! });
    const next = () => new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      child.once("exit", (code) => reject(new Error(`a racer exited (${code}) before answering`)));
    });
    return { child, next };
  });
  const ready = await Promise.all(racers.map((racer) => racer.next()));
  expect(ready).toEqual(racers.map(() => "ready"));
  const answers = racers.map((racer) => racer.next());
  for (const racer of racers) racer.child.stdin!.write("go\n");
  const said = await Promise.all(answers);
  for (const racer of racers) racer.child.stdin!.end(); // releases the one that took it
  await Promise.all(racers.map((racer) => new Promise((resolve) => (racer.child.exitCode === null ? racer.child.once("exit", resolve) : resolve(null)))));
  return said;
}

const racerScript = fileURLToPath(new URL("./support/take-pglite-lock.ts", import.meta.url));
const racerEnvironment = { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL("../../../tsconfig.json", import.meta.url)) };

// Each round starts processes under tsx: slow on a busy machine, so bounds are generous.
describe("processes racing for the PGlite data folder lock", { timeout: 240_000 }, () => {
  it("lets exactly one of them take a free folder, round after round", async () => {
    for (let round = 0; round < 4; round++) {
      const { dataDir, lockFile } = dataFolder();
      const said = await raceForLock(dataDir, 6);
      expect(said.filter((answer) => answer === "took")).toHaveLength(1);
      expect(existsSync(lockFile)).toBe(false); // released by its holder on exit
    }
  });

  it("lets exactly one of them replace a lock left by a process that has ended", async () => {
    for (let round = 0; round < 4; round++) {
      const { dataDir, lockFile } = dataFolder();
      writeFileSync(lockFile, String(endedProcess()));
      const said = await raceForLock(dataDir, 6);
      expect(said.filter((answer) => answer === "took")).toHaveLength(1);
    }
    expect(readdirSync(parent).filter((name) => name.includes(".lock."))).toEqual([]); // no draft or stale file left behind
  });
});
