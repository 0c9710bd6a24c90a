import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
});
