/**
 * pnpm ingest <datasetId> <file-or-url> [options]   ingests a file into a dataset
 * pnpm ingest --register <id | registration.json>   registers a dataset outside the plan
 * Exit status: 0 done, 1 bad input or no database (one line saying why), 2 bad arguments,
 * 130 interrupted (Ctrl-C) before the ingest committed: rolled back, one line saying so.
 */
import { readIngestEnvironment } from "@hkhealth/config";
import { parseCommand, usage, UsageError } from "./cli/arguments.js";
import { INTERRUPTED_STATUS, runCommandLine } from "./cli/command-line.js";
import { runCommand } from "./cli/run.js";
import { IngestError, IngestInterrupted } from "./errors.js";

// pnpm runs scripts from the repository root; INIT_CWD is where the user typed the command.
const userDir = process.env["INIT_CWD"] ?? process.cwd();

await runCommandLine({
  readEnvironment: () => readIngestEnvironment(),
  usage,
  parse: (args) => {
    const command = parseCommand(args);
    return command.kind === "help" ? "help" : command;
  },
  isUsageError: (error) => error instanceof UsageError,
  isExpected: (error) => error instanceof IngestError,
  async run(command, { signal, openStore }) {
    try {
      process.stdout.write(`${await runCommand(command, await openStore(), { userDir, signal, progressStream: process.stderr })}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof IngestInterrupted)) throw error;
      process.stderr.write(`${error.message}\n`);
      return INTERRUPTED_STATUS;
    }
  },
});
