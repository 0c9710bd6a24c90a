import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readGatewayEnvironment } from "@hkhealth/config";
import { buildAllSubgraphs, gatewaySettings, startGateway, type RunningGateway } from "@hkhealth/gateway";
import { ingestFile } from "@hkhealth/ingest";
import { loadCatalogue, type Store } from "@hkhealth/store";
import { createTestStore } from "@hkhealth/store/testing";
import { build } from "vite";

const webDir = resolve(import.meta.dirname, "..");
const haFixtures = resolve(webDir, "../../packages/subgraphs/ha/test/fixtures");
const hbFixtures = resolve(webDir, "../../packages/subgraphs/hb/test/fixtures");

export interface AppGateway {
  readonly origin: string;
  readonly gateway: RunningGateway;
  /** The fresh build the gateway serves. */
  readonly webAppDir: string;
  /** POSTs an operation to the gateway, as the page would, and returns its data (throws on errors). */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Stops the gateway (the store stays open until close). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** The app built from source (not a stale dist/) into a folder of its own. */
async function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "web-build-"));
  await build({ root: webDir, configFile: resolve(webDir, "vite.config.ts"), logLevel: "error", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** The repository's own A&E, hospital and vaccination fixtures, as the README's ingest examples load them. */
async function fill(store: Store): Promise<void> {
  await loadCatalogue(store.prisma);
  await ingestFile(store, { datasetId: "ha-facility-directory", location: resolve(haFixtures, "facility-hosp.json") });
  await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: resolve(haFixtures, "history-2019.csv") });
  await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: resolve(haFixtures, "aedwtdata2-en.json") });
  await ingestFile(store, { datasetId: "hb-covid19-vaccination-by-age", location: resolve(hbFixtures, "vaccination-rates-over-time-by-age.csv") });
}

/** A gateway serving a fresh build of the app over a test store filled from fixtures. */
export async function startAppGateway(): Promise<AppGateway> {
  const [webAppDir, store, subgraphs] = await Promise.all([buildApp(), createTestStore(), buildAllSubgraphs()]);
  await fill(store);
  const settings = gatewaySettings(readGatewayEnvironment({ RATE_LIMIT_REQUESTS: "0", RATE_LIMIT_COST: "0" }));
  const gateway = await startGateway({ store, subgraphs, settings, webAppDir }, { port: 0, host: "127.0.0.1" });
  let stopped = false;
  return {
    origin: new URL(gateway.url).origin,
    gateway,
    webAppDir,
    async query(query, variables) {
      const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors.map((error) => error.message).join("; "));
      return body.data;
    },
    async stop() {
      if (!stopped) await gateway.stop();
      stopped = true;
    },
    async close() {
      if (!stopped) await gateway.stop();
      stopped = true;
      await store.close();
    },
  };
}
