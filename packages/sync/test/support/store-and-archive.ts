import type { Store } from "@hkhealth/store";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { ArchiveServer } from "./archive-server.js";
import { openTestStore } from "./store.js";

/**
 * A store with the plan loaded and a stand-in archive, for the tests of one file (opened before
 * the first, closed after the last); each test starts with the archive empty and its log cleared.
 */
export function storeAndArchive(): { readonly store: Store; readonly archive: ArchiveServer } {
  const context = {} as { store: Store; archive: ArchiveServer };
  beforeAll(async () => {
    [context.store, context.archive] = await Promise.all([openTestStore(), ArchiveServer.start()]);
  });
  afterAll(async () => {
    await context.archive?.close();
    await context.store?.close();
  });
  beforeEach(() => context.archive.reset());
  return context;
}
