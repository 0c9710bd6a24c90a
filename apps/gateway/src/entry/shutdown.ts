import type { StopOutcome } from "@hkhealth/subgraph-kit";
import type { Logger } from "../observability/logger.js";
import type { Tracing } from "../observability/tracing.js";

export interface Stoppable {
  /** Closes the listening socket: new connections are refused. */
  stopAccepting(): Promise<void>;
  /** Stops accepting, answers the requests accepted, cuts those still running after the grace period. */
  stop(): Promise<StopOutcome>;
}

/** Work beside the server that must end before the store closes (the sync scheduler). */
export interface Background {
  readonly graceMs: number;
  stop(graceMs: number): Promise<{ aborted: number }>;
}

/**
 * On SIGTERM or SIGINT: stop accepting at once, answer the requests accepted (cutting, and
 * logging, those still running after the grace period) while the background work ends (aborted
 * after its grace), close the store, send the spans still buffered, exit 0 (1 if stopping
 * failed). A second signal while stopping changes nothing. Without a server (`pnpm start:sync`),
 * only the background work and the store.
 */
export function stopOnSignals(
  server: Stoppable | undefined,
  store: { close(): Promise<void> } | undefined,
  logger: Logger,
  tracing?: Tracing,
  background?: Background,
): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    try {
      if (server) {
        await server.stopAccepting();
        logger.info({ signal }, "stopping: no longer accepting connections, finishing requests in flight");
      } else {
        logger.info({ signal }, "stopping: finishing the checks running");
      }
      const [outcome, ended] = await Promise.all([server?.stop(), background?.stop(background.graceMs)]);
      const cut = outcome?.cut ?? [];
      if (cut.length > 0) logger.warn({ cut }, `stopping: grace period over, ${cut.length} request(s) still running were cut`);
      if (ended && ended.aborted > 0) logger.warn(`stopping: grace period over, ${ended.aborted} sync check(s) still running were rolled back`);
      await store?.close();
      await tracing?.shutdown();
      logger.info("stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "stopping failed");
      process.exit(1);
    }
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
}
