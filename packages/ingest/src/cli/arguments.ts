import { parseArgs } from "node:util";
import { parseIsoDateTime } from "@hkhealth/plan";
import type { FileFormat } from "../formats/index.js";

export const usage = `usage:
  pnpm ingest <datasetId> <file-or-url> [--format json|csv|xlsx|xml] [--observed-at <ISO time>] [--release <releaseId>] [--resource <name>]
  pnpm ingest --register <off-plan dataset id | path/to/registration.json>

  --format       the file's format, when its name, Content-Type and first bytes do not tell
  --observed-at  when the data describes, for files that do not say (no zone: Hong Kong time)
  --release      the release the file publishes (records its publication if none is recorded)
  --resource     the snapshot series the file belongs to`;

export type Command =
  | {
      readonly kind: "ingest";
      readonly datasetId: string;
      readonly location: string;
      readonly format?: FileFormat | undefined;
      readonly observedAt?: Date | undefined;
      readonly releaseId?: string | undefined;
      readonly resource?: string | undefined;
    }
  | { readonly kind: "register"; readonly target: string }
  | { readonly kind: "help" };

/** Arguments the CLI cannot make sense of; it prints this and the usage, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const formats: Readonly<Record<string, FileFormat>> = { json: "JSON", csv: "CSV", xlsx: "XLSX", xml: "XML" };

export function parseCommand(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: "string" },
        "observed-at": { type: "string" },
        release: { type: "string" },
        resource: { type: "string" },
        register: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.register !== undefined) {
    if (positionals.length > 0 || Object.keys(values).length > 1) throw new UsageError("--register takes a dataset id or a file, and nothing else");
    return { kind: "register", target: values.register };
  }
  const [datasetId, location, ...extra] = positionals;
  if (datasetId === undefined || location === undefined) throw new UsageError("give a dataset id and a file or URL");
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  return {
    kind: "ingest",
    datasetId,
    location,
    format: values.format === undefined ? undefined : formatOf(values.format),
    observedAt: values["observed-at"] === undefined ? undefined : instantOf(values["observed-at"]),
    releaseId: values.release,
    resource: values.resource,
  };
}

function formatOf(text: string): FileFormat {
  const format = formats[text.toLowerCase()];
  if (format === undefined) throw new UsageError(`--format must be one of ${Object.keys(formats).join(", ")}, not ${JSON.stringify(text)}`);
  return format;
}

function instantOf(text: string): Date {
  const instant = parseIsoDateTime(text);
  if (instant === undefined) throw new UsageError(`--observed-at must be an ISO date-time such as 2026-01-20T04:30 (Hong Kong time) or 2026-01-19T20:30Z, not ${JSON.stringify(text)}`);
  return instant;
}
