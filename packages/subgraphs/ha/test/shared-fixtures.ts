import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { resolve } from "node:path";

/** The real published files (../shared/fixtures), when this checkout has them. */
export const sharedFixtures = resolve(process.env.SHARED_DIR ?? resolve(import.meta.dirname, "../../../../../shared"), "fixtures");

/** Whether the real HA files are here; on CI they must be, so their absence fails rather than skips. */
export function haveSharedFixtures(): boolean {
  const present = existsSync(resolve(sharedFixtures, "ha-facility-directory/facility-hosp.json"));
  if (!present && process.env.CI) throw new Error(`The real HA files are missing from ${sharedFixtures} (set SHARED_DIR)`);
  return present;
}

/** Our own fixture files, in HA's published layouts. */
export const ownFixtures = resolve(import.meta.dirname, "fixtures");

/** One of our JSON fixtures with our changes, under its published name in a fresh folder. */
export async function variantOf(name: string, change: (content: any) => unknown): Promise<string> {
  const folder = await mkdtemp(resolve(tmpdir(), "ha-fixture-"));
  const path = resolve(folder, name);
  await writeFile(path, JSON.stringify(change(JSON.parse(readFileSync(resolve(ownFixtures, name), "utf8")))));
  return path;
}
