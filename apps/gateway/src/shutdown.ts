import type { StopOutcome } from "@hkhealth/subgraph-kit";
import type { Logger } from "./logger.js";
import type { Tracing } from "./tracing.js";

export interface Stoppable {
  /** Closes the listening socket: new connections are refused. */
  stopAccepting(): Promise<void>;
  /** Stops accepting, answers the requests accepted, cuts those still running after the grace period. */
  stop(): Promise<StopOutcome>;
}

/**
 * On SIGTERM or SIGINT: stop accepting at once, answer the requests accepted (cutting, and
 * logging, those still running after the grace period), close the store, send the spans still
 * buffered, exit 0 (1 if stopping failed). A second signal while stopping changes nothing.
 */
export function stopOnSignals(server: Stoppable, store: { close(): Promise<void> } | undefined, logger: Logger, tracing?: Tracing): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stopAccepting();
      logger.info({ signal }, "stopping: no longer accepting connections, finishing requests in flight");
      const { cut } = await server.stop();
      if (cut.length > 0) logger.warn({ cut }, `stopping: grace period over, ${cut.length} request(s) still running were cut`);
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
