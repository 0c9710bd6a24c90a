import { existsSync } from "node:fs";
import { resolve } from "node:path";

// The real published files (the plan document in plan/, the agencies' files in fixtures/) are not
// in the repository: they sit in shared/ beside the checkout, or wherever SHARED_DIR points. On a
// newcomer's clone they may be absent; then the tests that need them are skipped and say why in
// their names. CI (CI=true) must have them: there a missing file fails the test file.

const repositoryRoot = resolve(import.meta.dirname, "../../..");
const chosenDir = process.env["SHARED_DIR"] || undefined;

/** The shared folder: SHARED_DIR, or ../shared beside the repository. */
export const sharedDir = resolve(chosenDir ?? resolve(repositoryRoot, "../shared"));

/** The folder as a reader would name it in a message: as given in SHARED_DIR, or "../shared". */
const shownDir = chosenDir ?? "../shared";

function onCi(): boolean {
  const ci = process.env["CI"];
  return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
}

/** The first of the paths that is not there, as a reader would name it; undefined when all are. */
function firstMissing(required: readonly string[]): string | undefined {
  if (!existsSync(sharedDir)) return shownDir;
  const relative = required.find((path) => !existsSync(resolve(sharedDir, path)));
  return relative === undefined ? undefined : `${shownDir}/${relative}`;
}

const SKIP_NOTE = / \(skipped: .+? not found; set SHARED_DIR\)/;

/** Whether a suite's name is one title() gave a suite skipped for want of the shared files. */
export function skippedForSharedFiles(name: string): boolean {
  return SKIP_NOTE.test(name);
}

export interface SharedFiles {
  /** Whether every path asked for is there. */
  readonly present: boolean;
  /** The absolute path of a file or folder in the shared folder, such as "fixtures/ha-aed-waiting-time". */
  path(relative: string): string;
  /** A suite's name; when the files are absent, followed by "(skipped: … not found; set SHARED_DIR)". */
  title(name: string): string;
}

/**
 * The shared files a test needs, by path inside the shared folder ("fixtures/SOURCES.md").
 * Throws on CI when one is missing, so CI never passes by skipping them.
 */
export function sharedFiles(...required: string[]): SharedFiles {
  const missing = firstMissing(required);
  if (missing !== undefined && onCi()) {
    throw new Error(`${missing} not found: CI needs the real published files (set SHARED_DIR to the folder holding fixtures/ and plan/)`);
  }
  return {
    present: missing === undefined,
    path: (relative) => resolve(sharedDir, relative),
    title: (name) => (missing === undefined ? name : `${name} (skipped: ${missing} not found; set SHARED_DIR)`),
  };
}
