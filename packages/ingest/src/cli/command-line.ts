import { storeOptions, type DatabaseEnvironment } from "@hkhealth/config";
import { createStore, isStoreOpeningError, type Store } from "@hkhealth/store";

/** Exit status of a command stopped by Ctrl-C, as a shell reports it (128 + SIGINT). */
export const INTERRUPTED_STATUS = 130;

/** What a command runs with: its environment, Ctrl-C as a signal, and the store, opened when asked. */
export interface CommandContext<E extends DatabaseEnvironment = DatabaseEnvironment> {
  readonly environment: E;
  /** Aborted by Ctrl-C: the command rolls back what it is writing and returns. */
  readonly signal: AbortSignal;
  /** Opens the store (closed when the command is done, whatever happens). */
  openStore(): Promise<Store>;
}

/** One of the project's command-line tools (pnpm ingest, pnpm sync, pnpm backfill). */
export interface CommandLine<C, E extends DatabaseEnvironment = DatabaseEnvironment> {
  readonly usage: string;
  /**
   * Reads and validates the variables this command reads (its entry point's reader from
   * @hkhealth/config, such as readIngestEnvironment), throwing "Invalid environment: …" otherwise.
   */
  readEnvironment(): E;
  /** The command the arguments ask for, or "help"; a bad argument throws an error `isUsageError` accepts. */
  parse(args: readonly string[]): C | "help";
  isUsageError(error: unknown): boolean;
  /** Errors that are the user's to fix, whose message says how: one line, no stack. */
  isExpected(error: unknown): boolean;
  /** Runs the command; resolves to the exit status. */
  run(command: C, context: CommandContext<E>): Promise<number>;
}

/**
 * Runs a command line and exits with its status: 2 for bad arguments (with the usage), 1 for an
 * invalid environment, an unreachable database or an expected error (its message on one line),
 * the command's own status otherwise. Anything else is a bug and keeps its stack.
 */
export async function runCommandLine<C, E extends DatabaseEnvironment>(cli: CommandLine<C, E>, args: readonly string[] = process.argv.slice(2)): Promise<never> {
  // Not "once": tsx passes the signal on to node again when node does not tell it in time, and a
  // second one must not kill node mid-rollback.
  const interruption = new AbortController();
  process.on("SIGINT", () => interruption.abort());
  const status = await statusOf(cli, args, interruption.signal);
  // Exit rather than wait for the event loop to drain: Prisma's WebAssembly schema engine, which
  // applies migrations on open, leaves a timer behind that would hold the process for seconds.
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((flushed) => stream.write("", flushed))));
  process.exit(status);
}

async function statusOf<C, E extends DatabaseEnvironment>(cli: CommandLine<C, E>, args: readonly string[], signal: AbortSignal): Promise<number> {
  let command: C | "help";
  try {
    command = cli.parse(args);
  } catch (error) {
    if (!cli.isUsageError(error)) throw error;
    process.stderr.write(`${(error as Error).message}\n${cli.usage}\n`);
    return 2;
  }
  if (command === "help") {
    process.stdout.write(`${cli.usage}\n`);
    return 0;
  }
  let environment: E;
  try {
    environment = cli.readEnvironment();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  let store: Store | undefined;
  const openStore = async () => (store ??= await createStore(storeOptions(environment)));
  try {
    return await cli.run(command, { environment, signal, openStore });
  } catch (error) {
    if (!(cli.isExpected(error) || isStoreOpeningError(error))) throw error;
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}
