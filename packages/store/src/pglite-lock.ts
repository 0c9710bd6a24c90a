import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DatabaseUnavailableError } from "./errors.js";

/** A lock without a process id (a crash while writing one, or a foreign file) counts as held this long. */
const UNREADABLE_LOCK_GRACE_MS = 30_000;
/** Tries before giving up: other processes may take or break the lock between two of ours. */
const ATTEMPTS = 5;

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
 * fails if the lock exists), and a stale lock is moved aside, by rename, before it is deleted,
 * so that a lock another process has just taken is put back rather than deleted.
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
  const draft = uniqueSibling(lockFile, "new");
  try {
    writeFileSync(draft, String(process.pid), { flag: "wx" });
    linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new DatabaseUnavailableError(target, error);
  } finally {
    unlinkQuietly(draft);
  }
}

/**
 * Moves the stale lock aside and deletes it. If what was moved is not the file judged stale
 * (another process broke that one and took the lock meanwhile), it is put back.
 */
function breakStaleLock(lockFile: string, stale: FoundLock): void {
  const aside = uniqueSibling(lockFile, "stale");
  try {
    renameSync(lockFile, aside);
  } catch {
    return; // gone already: another process broke it
  }
  try {
    if (statSync(aside).ino !== stale.inode) linkSync(aside, lockFile);
  } catch {
    // EEXIST: a third process took the free place meanwhile; the lock it holds stands.
  } finally {
    unlinkQuietly(aside);
  }
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
