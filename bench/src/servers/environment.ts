import { createStore, type Store } from "@hkhealth/store";

// The servers the harness starts read the same variables the gateway does, so one set of
// settings (database, pool size, port) reaches every configuration alike.

export function listenPort(): number {
  const port = Number(process.env.PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  return port;
}

export function poolSize(): number {
  return Number(process.env.DATABASE_POOL_SIZE ?? 10);
}

/** The benchmark's store (already filled by the harness: no migrations run here). */
export function openStoreFromEnvironment(): Promise<Store> {
  return createStore({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.PGLITE_DATA_DIR,
    poolSize: poolSize(),
    migrate: false,
  });
}

/** Stops cleanly on SIGTERM/SIGINT: the harness measures, then stops each server. */
export function stopOnSignal(stop: () => Promise<void>): void {
  const handler = () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", handler);
  process.once("SIGINT", handler);
}
