import { loadCatalogue, type Store } from "@hkhealth/store";
import { createTestStore } from "@hkhealth/store/testing";
import { mirrorFixtures, startMirrorServer, type MirrorServer } from "../../src/testing.js";

/** The A&E feed and the facility directory, as the tests' mirror serves them. */
export const paths = {
  aedV2En: "/www.ha.org.hk/opendata/aed/aedwtdata2-en.json",
  hosp: "/www.ha.org.hk/opendata/facility-hosp.json",
  sop: "/www.ha.org.hk/opendata/facility-sop.json",
  gop: "/www.ha.org.hk/opendata/facility-gop.json",
} as const;

export const haDatasets = ["ha-aed-waiting-time", "ha-facility-directory"];

export interface SyncWorld {
  readonly store: Store;
  readonly mirror: MirrorServer;
  close(): Promise<void>;
}

/** A fresh store with the plan loaded (PGlite, or a database of its own on DATABASE_URL's server), and the stand-in mirror. */
export async function syncWorld(): Promise<SyncWorld> {
  const store = await createTestStore();
  await loadCatalogue(store.prisma);
  const mirror = await startMirrorServer(mirrorFixtures);
  return {
    store,
    mirror,
    close: async () => {
      await mirror.close();
      await store.close();
    },
  };
}

/** A clock tests move by hand. */
export function manualClock(start = new Date("2026-12-02T05:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Waits until `condition` holds, polling, at most `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000, what = "the condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((tick) => setTimeout(tick, 50));
  }
}
