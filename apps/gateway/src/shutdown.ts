import type { Logger } from "./logger.js";

export interface Stoppable {
  /** Stops accepting connections and finishes the requests in flight. */
  stop(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT: stop accepting, let requests in flight finish, close the store, exit 0
 * (1 if stopping failed). A second signal while stopping changes nothing.
 */
export function stopOnSignals(server: Stoppable, store: { close(): Promise<void> } | undefined, logger: Logger): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing requests in flight");
    try {
      await server.stop();
      await store?.close();
      logger.info("stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "stopping failed");
      process.exit(1);
    }
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
}
