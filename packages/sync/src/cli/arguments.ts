import { closestNames } from "@hkhealth/ingest";
import { datasetDefinitions } from "@hkhealth/plan";

export const usage = `usage: pnpm sync [datasetId...]

  Fetches every distribution of the datasets named (of every known dataset when none is) once,
  with a conditional GET, and ingests what changed. One line per distribution:
  changed / unchanged / failed and why. Exit status: 0 done, 1 some failed, 2 bad arguments,
  130 interrupted (Ctrl-C).`;

/** Arguments `pnpm sync` cannot use: printed with the usage, exit status 2. */
export class UsageError extends Error {}

/** The dataset ids asked for (undefined: all), each checked against the known datasets. */
export function parseDatasetIds(args: readonly string[]): readonly string[] | undefined | "help" {
  if (args.includes("--help") || args.includes("-h")) return "help";
  const option = args.find((arg) => arg.startsWith("-"));
  if (option !== undefined) throw new UsageError(`unknown option ${JSON.stringify(option)}`);
  if (args.length === 0) return undefined;
  const known = datasetDefinitions.map((definition) => definition.id);
  for (const id of args) {
    if (known.includes(id)) continue;
    const close = closestNames(id, known);
    throw new UsageError(`unknown dataset ${JSON.stringify(id)}${close.length === 0 ? "" : `; did you mean ${close.map((name) => JSON.stringify(name)).join(" or ")}?`}`);
  }
  return [...new Set(args)];
}
