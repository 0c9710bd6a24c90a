import { parseArgs } from "node:util";
import { parseDay, type DayRange } from "./archive-time.js";

export const backfillUsage = `usage:
  pnpm backfill <datasetId> --from YYYY-MM-DD --to YYYY-MM-DD [--resource <name>]... [--url <file URL>]...

  --from, --to  the Hong Kong days whose archived versions to ingest, both included
  --resource    only the dataset's files that fill this snapshot series (repeatable)
  --url         only this official file of the dataset (repeatable; not with --resource)`;

export type BackfillCommand =
  | {
      readonly kind: "backfill";
      readonly datasetId: string;
      readonly range: DayRange;
      readonly resources: readonly string[];
      readonly urls: readonly string[];
    }
  | { readonly kind: "help" };

/** Arguments the command cannot make sense of; it prints this and the usage, and exits 2. */
export class BackfillUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackfillUsageError";
  }
}

export function parseBackfillCommand(args: readonly string[]): BackfillCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        resource: { type: "string", multiple: true },
        url: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new BackfillUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [datasetId, ...extra] = positionals;
  if (datasetId === undefined) throw new BackfillUsageError("give the id of the dataset to backfill");
  if (extra.length > 0) throw new BackfillUsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  const start = dayOption("--from", values.from);
  const end = dayOption("--to", values.to);
  if (start > end) throw new BackfillUsageError(`--from ${start} is after --to ${end}`);
  const resources = values.resource ?? [];
  const urls = values.url ?? [];
  if (resources.length > 0 && urls.length > 0) throw new BackfillUsageError("give --resource or --url, not both");
  for (const url of urls) {
    if (!/^https?:\/\//.test(url) || !URL.canParse(url)) throw new BackfillUsageError(`--url must be an http(s) URL, not ${JSON.stringify(url)}`);
  }
  return { kind: "backfill", datasetId, range: { start, end }, resources, urls };
}

function dayOption(name: string, value: string | undefined): string {
  if (value === undefined) throw new BackfillUsageError(`${name} is required (a day such as 2026-01-05)`);
  const day = parseDay(value);
  if (day === undefined) throw new BackfillUsageError(`${name} must be a day written YYYY-MM-DD, such as 2026-01-05, not ${JSON.stringify(value)}`);
  return day;
}
