import { existsSync } from "node:fs";
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
