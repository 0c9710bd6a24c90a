import { readBenchEnvironment, storeOptions, type BenchEnvironment } from "@hkhealth/config";
import { createStore, type Store } from "@hkhealth/store";

// The servers the harness starts read the same variables the gateway does, so one set of
// settings (database, pool size, port) reaches every configuration alike.

export const environment: BenchEnvironment = readBenchEnvironment();

export function listenPort(): number {
  const port = environment.PORT;
  if (!port) throw new Error(`PORT must be a port number, got ${JSON.stringify(port)}`);
  return port;
}

/** The benchmark's store (already filled by the harness: no migrations run here). */
export function openStoreFromEnvironment(): Promise<Store> {
  return createStore({ ...storeOptions(environment), migrate: false });
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
