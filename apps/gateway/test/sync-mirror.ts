import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mirrorFixtures, startMirrorServer, type MirrorServer } from "@hkhealth/sync/testing";
import { afterAll, beforeAll } from "vitest";
import { servicesOnScratchDatabase, type ServiceProcess } from "./service-process.js";

export interface SyncTestbed {
  /** The stand-in for the agencies' hosts, serving the sync's own fixture files. */
  mirror(): MirrorServer;
  /** Processes to kill after the file's tests. */
  readonly services: ServiceProcess[];
  /** A database of its own: on DATABASE_URL's server when there is one, else a PGlite folder. */
  database(name: string): Promise<Record<string, string>>;
}

/** For a test file of processes that sync: the stand-in mirror, and fresh databases, all cleared afterwards. */
export function syncTestbed(): SyncTestbed {
  const serverUrl = process.env.DATABASE_URL;
  const { services, createDatabase } = servicesOnScratchDatabase();
  const scratch = mkdtempSync(join(tmpdir(), "hkhealth-sync-"));
  let mirror: MirrorServer | undefined;
  beforeAll(async () => {
    mirror = await startMirrorServer(mirrorFixtures);
  });
  afterAll(async () => {
    await mirror?.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  return {
    mirror: () => mirror!,
    services,
    database: async (name): Promise<Record<string, string>> => {
      if (!serverUrl) return { PGLITE_DATA_DIR: join(scratch, name) };
      return { DATABASE_URL: (await createDatabase(serverUrl)).url };
    },
  };
}
