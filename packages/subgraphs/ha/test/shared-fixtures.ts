import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { sharedFiles } from "@hkhealth/config/testing";

/** HA's real published files in shared/fixtures, when this checkout has them (CI must). */
export const realHaFiles = sharedFiles("fixtures/ha-facility-directory", "fixtures/ha-aed-waiting-time");

/** Our own fixture files, in HA's published layouts. */
export const ownFixtures = resolve(import.meta.dirname, "fixtures");

/** One of our JSON fixtures with our changes, under its published name in a fresh folder. */
export async function variantOf(name: string, change: (content: any) => unknown): Promise<string> {
  const folder = await mkdtemp(resolve(tmpdir(), "ha-fixture-"));
  const path = resolve(folder, name);
  await writeFile(path, JSON.stringify(change(JSON.parse(readFileSync(resolve(ownFixtures, name), "utf8")))));
  return path;
}
