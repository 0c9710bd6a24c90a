import { resolve } from "node:path";
import { loadCatalogue, registerDataset, type Store } from "@hkhealth/store";
import { ingestFile } from "../ingest.js";
import { readRegistration } from "../registration.js";
import { isUrl } from "../source/index.js";
import type { Command } from "./arguments.js";
import { progressReporter } from "./progress-reporter.js";
import { summaryLine } from "./summary.js";

export type StoreCommand = Exclude<Command, { kind: "help" }>;

export interface RunOptions {
  /** Where relative paths are read from: the folder the user typed the command in. */
  readonly userDir: string;
  /** Ctrl-C: the ingest rolls back. */
  readonly signal?: AbortSignal | undefined;
  /** Where the progress line goes (on a terminal only). */
  readonly progressStream?: NodeJS.WriteStream | undefined;
}

/**
 * Does a `pnpm ingest` command on an open store and returns the line the CLI prints. The CLI's
 * own path, exported so that the README's examples are run through it (apps/gateway's test).
 */
export async function runCommand(command: StoreCommand, store: Store, options: RunOptions): Promise<string> {
  await loadCatalogue(store.prisma); // writes nothing once loaded
  if (command.kind === "register") {
    const registration = await readRegistration(command.target, options.userDir);
    await registerDataset(store.prisma, registration);
    return `registered ${registration.id} (${registration.titleEn})`;
  }
  const { kind: _kind, location, ...request } = command;
  const progress = options.progressStream ? progressReporter(options.progressStream) : undefined;
  try {
    const result = await ingestFile(store, {
      ...request,
      location: isUrl(location) ? location : resolve(options.userDir, location),
      ...(progress?.onProgress && { onProgress: progress.onProgress }),
      ...(options.signal && { signal: options.signal }),
    });
    return summaryLine(result);
  } finally {
    progress?.finish();
  }
}
