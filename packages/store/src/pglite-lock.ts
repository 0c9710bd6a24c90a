import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DatabaseUnavailableError } from "./errors.js";

/** A lock without a process id (a crash while writing one, or a foreign file) counts as held this long. */
const UNREADABLE_LOCK_GRACE_MS = 30_000;
/** Tries before giving up: other processes may take or break the lock between two of ours. */
const ATTEMPTS = 50;
/** How long to wait when another process is breaking a stale lock. */
const BREAKER_BUSY_PAUSE_MS = 10;

/** A lock file as found: who holds it and which file it is (its inode), to break only that one. */
interface FoundLock {
  readonly pid: number | undefined;
  readonly inode: number;
  readonly modifiedMs: number;
}

/**
 * Takes `<dataDir>.lock`, holding this process's id, so that a second process (`pnpm ingest`
 * while the gateway runs) fails clearly instead of opening the same folder: PGlite is one
 * Postgres in one process, and two writers corrupt it. A lock left by a process that no longer
 * runs is replaced. Returns the function that releases it.
 *
 * Every step is atomic, so processes starting together cannot both win: the lock file appears
 * with its id already in it (written to a file of our own, then hard-linked into place, which
 * fails if the lock exists), and a stale lock is deleted by one process at a time, which checks
 * under its breaker lock that the file is still the one judged stale.
 */
export function lockDataDir(dataDir: string, target: string): () => void {
  const lockFile = `${resolve(dataDir)}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  let found: FoundLock | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (tryToCreate(lockFile, target)) {
      return () => {
        if (readLock(lockFile)?.pid === process.pid) unlinkQuietly(lockFile);
      };
    }
    found = readLock(lockFile);
    if (found === undefined) continue; // released meanwhile: try again
    if (isHeld(found)) break;
    breakStaleLock(lockFile, found);
  }
  const who = found?.pid === undefined ? "another process" : found.pid === process.pid ? `this process (${found.pid})` : `process ${found.pid}`;
  throw new DatabaseUnavailableError(
    target,
    `the folder is in use by ${who} (${lockFile}); stop it, or set DATABASE_URL to use a PostgreSQL server`,
  );
}

/** Creates the lock file with this process's id in it, in one step; false when one exists. */
function tryToCreate(lockFile: string, target: string): boolean {
  try {
    return tryToLink(lockFile);
  } catch (error) {
    throw new DatabaseUnavailableError(target, error);
  }
}

/** Creates `file` holding this process's id: written to a file of our own, then hard-linked into place. */
function tryToLink(file: string): boolean {
  const draft = uniqueSibling(file, "new");
  try {
    writeFileSync(draft, String(process.pid), { flag: "wx" });
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkQuietly(draft);
  }
}

/**
 * Deletes the stale lock, holding `<lock>.break` meanwhile (created in one step, as the lock is):
 * only one process breaks at a time, and it deletes the lock only if it is still the very file
 * judged stale. No other process can replace that file meanwhile: taking the lock needs it gone,
 * and breaking it needs the breaker. A process that finds the breaker taken waits and tries again.
 */
function breakStaleLock(lockFile: string, stale: FoundLock): void {
  const breaker = `${lockFile}.break`;
  if (!tryToLink(breaker)) {
    const other = readLock(breaker);
    // A breaker whose process has ended (it died within these few steps) is removed like a stale lock.
    if (other !== undefined && !isHeld(other)) unlinkQuietly(breaker);
    else pause(BREAKER_BUSY_PAUSE_MS);
    return;
  }
  try {
    const now = readLock(lockFile);
    if (now !== undefined && now.inode === stale.inode && !isHeld(now)) unlinkQuietly(lockFile);
  } finally {
    unlinkQuietly(breaker);
  }
}

/** Waits without returning to the event loop: the lock is taken while the store opens, before any I/O. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isHeld(lock: FoundLock): boolean {
  if (lock.pid === undefined) return Date.now() - lock.modifiedMs < UNREADABLE_LOCK_GRACE_MS;
  return isRunning(lock.pid);
}

/** The lock file's holder and identity; undefined when there is none. */
function readLock(lockFile: string): FoundLock | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(lockFile, "r");
  } catch {
    return undefined;
  }
  try {
    // One open file for both, so the id and the identity are of the same lock.
    const { ino, mtimeMs } = fstatSync(descriptor);
    const pid = Number(readFileSync(descriptor, "utf8").trim());
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : undefined, inode: ino, modifiedMs: mtimeMs };
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

function uniqueSibling(lockFile: string, purpose: string): string {
  return `${lockFile}.${purpose}-${process.pid}-${randomBytes(4).toString("hex")}`;
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 checks existence without signalling
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
