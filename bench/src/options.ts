import { parseArgs } from "node:util";
import type { BenchEnvironment } from "@hkhealth/config";
import { isScaleName, scales, type LoadSettings, type Scale } from "./scales.js";

export const configurationNames = [
  "gateway-in-process",
  "gateway-in-process-unshared",
  "gateway-in-process-cached",
  "gateway-in-process-uncached",
  "gateway-http-subgraphs",
  "gateway-http-unshared",
  "hive-gateway",
  "hive-gateway-no-dedup",
  "hive-gateway-cached",
  "monolith",
  "raw-sql",
  "typed-floor",
  "answer-floor",
] as const;
export type ConfigurationName = (typeof configurationNames)[number];

export interface BenchOptions {
  readonly scale: Scale;
  readonly load: LoadSettings;
  readonly seed: number;
  /** A PostgreSQL server (its own database is created there); PGlite in a temporary folder without. */
  readonly serverUrl: string | undefined;
  readonly databaseName: string;
  readonly poolSize: number;
  readonly configurations: readonly ConfigurationName[];
  /** Keep the database, the CSV files and the servers' logs. */
  readonly keep: boolean;
  /** On PostgreSQL, run configurations one after another rather than side by side. */
  readonly sequential: boolean;
  /** CPU profiles of every server (node --cpu-prof), summarised in the report. */
  readonly profile: boolean;
}

export const usage = `pnpm bench [--scale ci|100k|1m] [options]

  --scale NAME           records to generate: ci (1k), 100k or 1m (default ci)
  --seed N               seed of the synthetic data (default 20240601)
  --database-url URL     PostgreSQL server to use (default: $DATABASE_URL; PGlite in a temporary folder without)
  --database NAME        database created (and dropped) on that server (default hkhealth_bench)
  --pool-size N          connections per server process (default 10)
  --connections N        concurrent connections of the load driver (default 10)
  --warmup-seconds N     --rounds N   --round-seconds N    override the scale's load settings
  --only a,b             configurations to run: ${configurationNames.join(", ")}
  --sequential           on PostgreSQL, run the configurations one after another instead of side by side
                         with interleaved rounds (PGlite always runs them one after another)
  --profile              record a CPU profile of every server and print where its time went
  --keep                 keep the database, CSV files, server logs and profiles
  --help`;

export class UsageError extends Error {}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name} must be a positive number, got ${JSON.stringify(value)}`);
  return number;
}

/** Reads the command line; throws UsageError on a mistake, returns undefined for --help. */
export function parseOptions(args: readonly string[], environment: Pick<BenchEnvironment, "DATABASE_URL">): BenchOptions | undefined {
  const { values } = parseArgs({
    args: [...args],
    options: {
      scale: { type: "string", default: "ci" },
      seed: { type: "string" },
      "database-url": { type: "string" },
      database: { type: "string", default: "hkhealth_bench" },
      "pool-size": { type: "string" },
      connections: { type: "string" },
      "warmup-seconds": { type: "string" },
      rounds: { type: "string" },
      "round-seconds": { type: "string" },
      only: { type: "string" },
      keep: { type: "boolean", default: false },
      sequential: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return undefined;
  if (!isScaleName(values.scale)) throw new UsageError(`--scale must be ci, 100k or 1m, got ${JSON.stringify(values.scale)}`);
  const scale = scales[values.scale];
  const configurations = values.only?.split(",").map((name) => name.trim()) ?? [...configurationNames];
  for (const name of configurations) {
    if (!(configurationNames as readonly string[]).includes(name)) throw new UsageError(`--only: unknown configuration ${JSON.stringify(name)}`);
  }
  return {
    scale,
    load: {
      connections: Math.round(positiveNumber("connections", values.connections, scale.load.connections)),
      warmupSeconds: positiveNumber("warmup-seconds", values["warmup-seconds"], scale.load.warmupSeconds),
      rounds: Math.round(positiveNumber("rounds", values.rounds, scale.load.rounds)),
      roundSeconds: positiveNumber("round-seconds", values["round-seconds"], scale.load.roundSeconds),
    },
    seed: Math.round(positiveNumber("seed", values.seed, 20_240_601)),
    serverUrl: values["database-url"] ?? environment.DATABASE_URL,
    databaseName: values.database,
    poolSize: Math.round(positiveNumber("pool-size", values["pool-size"], 10)),
    configurations: configurations as ConfigurationName[],
    keep: values.keep,
    sequential: values.sequential,
    profile: values.profile,
  };
}
