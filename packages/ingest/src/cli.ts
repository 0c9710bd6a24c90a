/**
 * pnpm ingest <datasetId> <file-or-url> [options]   ingests a file into a dataset
 * pnpm ingest --register <id | registration.json>   registers a dataset outside the plan
 * Exit status: 0 done, 1 bad input or no database (one line saying why), 2 bad arguments,
 * 130 interrupted (Ctrl-C) before the ingest committed: rolled back, one line saying so.
 */
import { readEnvironment, storeOptions } from "@hkhealth/config";
import { createStore, isStoreOpeningError, type Store } from "@hkhealth/store";
import { parseCommand, usage, UsageError, type Command } from "./cli/arguments.js";
import { runCommand } from "./cli/run.js";
import { IngestError, IngestInterrupted } from "./errors.js";

// pnpm runs scripts from the repository root; INIT_CWD is where the user typed the command.
const userDir = process.env["INIT_CWD"] ?? process.cwd();

// Ctrl-C asks the ingest to roll back and close the store. Not "once": tsx passes the signal on
// to node again when node does not tell it in time, and a second one must not kill node mid-way.
const interruption = new AbortController();
process.on("SIGINT", () => interruption.abort());

/** Exit status of a command stopped by Ctrl-C, as a shell reports it (128 + SIGINT). */
const INTERRUPTED_STATUS = 130;

/** Bad input, an unreachable database and a failed migration are the user's to fix: their message says how. */
function isExpected(error: unknown): error is Error {
  return error instanceof IngestError || isStoreOpeningError(error);
}

async function main(args: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${usage}\n`);
    return 2;
  }
  if (command.kind === "help") {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let environment;
  try {
    environment = readEnvironment();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  let store: Store | undefined;
  try {
    store = await createStore(storeOptions(environment));
    process.stdout.write(`${await runCommand(command, store, { userDir, signal: interruption.signal, progressStream: process.stderr })}\n`);
    return 0;
  } catch (error) {
    if (!isExpected(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    return error instanceof IngestInterrupted ? INTERRUPTED_STATUS : 1;
  } finally {
    await store?.close();
  }
}

const status = await main(process.argv.slice(2));
// Exit rather than wait for the event loop to drain: Prisma's WebAssembly schema engine, which
// applies migrations on open, leaves a timer behind that would hold the process for seconds.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((flushed) => stream.write("", flushed))));
process.exit(status);
