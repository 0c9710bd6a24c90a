import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  entryPoints as entryPointNames,
  readBackfillEnvironment,
  readBenchEnvironment,
  readGatewayEnvironment,
  readIngestEnvironment,
  readIngestLimitsEnvironment,
  readPrepareDatabaseEnvironment,
  readSubgraphServiceEnvironment,
  readSyncEnvironment,
  readSyncWorkerEnvironment,
  variablesReadBy,
} from "../src/env.js";

/** A value each variable refuses, and the message that names it. */
const badValues: Record<string, readonly [value: string, message: string]> = {
  DATABASE_URL: ["mysql://db", "DATABASE_URL: must start with postgres:// or postgresql://"],
  DATABASE_POOL_SIZE: ["0", "DATABASE_POOL_SIZE: Too small: expected number to be >=1"],
  LOG_LEVEL: ["loud", "LOG_LEVEL: "],
  PORT: ["99999", "PORT: Too big: expected number to be <=65535"],
  CORS_ORIGINS: ["not a url", 'CORS_ORIGINS: "not a url" is not an origin like https://example.org'],
  INTROSPECTION: ["maybe", "INTROSPECTION: must be true or false"],
  SANDBOX: ["maybe", "SANDBOX: must be true or false"],
  MAX_DEPTH: ["0", "MAX_DEPTH: Too small: expected number to be >=1"],
  MAX_BODY_BYTES: ["big", "MAX_BODY_BYTES: "],
  MAX_FILTER_LENGTH: ["10", "MAX_FILTER_LENGTH: Too small: expected number to be >=100"],
  RATE_LIMIT_COST: ["lots", "RATE_LIMIT_COST: "],
  TRUST_PROXY: ["true", "TRUST_PROXY: trusting every proxy lets any client choose its own address"],
  REDIS_URL: ["http://127.0.0.1:6379", "REDIS_URL: must start with redis:// or rediss://"],
  SUBGRAPH_URLS: ["plan", 'SUBGRAPH_URLS: "plan" is not name=http(s)://host:port/path'],
  SUBGRAPH_PORT: ["port", "SUBGRAPH_PORT: "],
  STATEMENT_TIMEOUT_MS: ["-1", "STATEMENT_TIMEOUT_MS: Too small: expected number to be >=0"],
  SHUTDOWN_GRACE_MS: ["soon", "SHUTDOWN_GRACE_MS: "],
  OTEL_EXPORTER_OTLP_ENDPOINT: ["collector:4318", "OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s):// URL such as http://collector:4318"],
  INGEST_MAX_NESTING: ["deep", "INGEST_MAX_NESTING: "],
  SOURCES_MIRROR: ["127.0.0.1:8080", "SOURCES_MIRROR: must be an http(s):// URL such as http://127.0.0.1:8080"],
  SYNC: ["maybe", "SYNC: must be true or false"],
  SYNC_CONCURRENCY: ["0", "SYNC_CONCURRENCY: Too small: expected number to be >=1"],
  SYNC_TICK_MS: ["fast", "SYNC_TICK_MS: "],
  BACKFILL_RATE: ["-1", "BACKFILL_RATE: Too small: expected number to be >0"],
};

const database = ["DATABASE_URL", "DATABASE_POOL_SIZE"];
const graphqlServer = ["HOST", "INTROSPECTION", "MAX_BODY_BYTES", "MAX_FILTER_LENGTH", "STATEMENT_TIMEOUT_MS", "SHUTDOWN_GRACE_MS", "OTEL_EXPORTER_OTLP_ENDPOINT", "LOG_LEVEL"];
const ingesting = [...database, "INGEST_MAX_NESTING"];

/** Each entry point, and which of the variables above it reads. */
const entryPoints = {
  gateway: {
    read: readGatewayEnvironment,
    reads: [...ingesting, ...graphqlServer, "PORT", "CORS_ORIGINS", "SANDBOX", "MAX_DEPTH", "RATE_LIMIT_COST", "TRUST_PROXY", "REDIS_URL", "SUBGRAPH_URLS", "SOURCES_MIRROR", "SYNC", "SYNC_CONCURRENCY", "SYNC_TICK_MS"],
  },
  "subgraph service": { read: readSubgraphServiceEnvironment, reads: [...database, ...graphqlServer, "SUBGRAPH_PORT"] },
  "prepare:database": { read: readPrepareDatabaseEnvironment, reads: database },
  "sync worker": { read: readSyncWorkerEnvironment, reads: [...ingesting, "LOG_LEVEL", "SHUTDOWN_GRACE_MS", "SOURCES_MIRROR", "SYNC_CONCURRENCY", "SYNC_TICK_MS"] },
  "ingest CLI": { read: readIngestEnvironment, reads: ingesting },
  "sync CLI": { read: readSyncEnvironment, reads: [...ingesting, "SOURCES_MIRROR", "SYNC_CONCURRENCY"] },
  "backfill CLI": { read: readBackfillEnvironment, reads: [...ingesting, "SOURCES_MIRROR", "BACKFILL_RATE"] },
  bench: { read: readBenchEnvironment, reads: [...database, "PORT"] },
  "ingest limits": { read: readIngestLimitsEnvironment, reads: ["INGEST_MAX_NESTING"] },
} satisfies Record<string, { read: (source: NodeJS.ProcessEnv) => object; reads: string[] }>;

/** The message a read throws ("accepted" when it throws none). */
function messageOf(read: () => unknown): string {
  try {
    read();
    return "accepted";
  } catch (error) {
    return (error as Error).message;
  }
}

const cases = Object.entries(entryPoints).flatMap(([entryPoint, { read, reads }]) =>
  Object.entries(badValues).map(([name, [value, message]]) => ({ entryPoint, read, name, value, message, reads: reads.includes(name) })),
);

describe("each entry point's environment", () => {
  it.each(cases.filter((entry) => !entry.reads))("$entryPoint is not stopped by a bad $name, which it does not read", ({ read, name, value }) => {
    const environment = read({ [name]: value });
    expect(environment).not.toHaveProperty(name);
  });

  it.each(cases.filter((entry) => entry.reads))("$entryPoint refuses a bad $name, naming it", ({ read, name, value, message }) => {
    const expected = `Invalid environment: ${message}`;
    expect(messageOf(() => read({ [name]: value })).slice(0, expected.length)).toBe(expected);
  });

  it("refuses a bad value with the same message in every entry point that reads it", () => {
    for (const [name, [value]] of Object.entries(badValues)) {
      const messages = new Set(cases.filter((entry) => entry.name === name && entry.reads).map(({ read }) => messageOf(() => read({ [name]: value }))));
      expect([...messages], name).toHaveLength(1);
    }
  });

  it("keeps the current defaults", () => {
    expect(readGatewayEnvironment({})).toMatchObject({ PORT: 4000, HOST: "0.0.0.0", CORS_ORIGINS: "*", MAX_COST: 20_000, RATE_LIMIT_COST: 200_000, SYNC: true, LOG_LEVEL: "info" });
    expect(readGatewayEnvironment({ NODE_ENV: "test" })).toMatchObject({ SYNC: false, LOG_LEVEL: "silent" });
    expect(readIngestEnvironment({})).toEqual({
      PGLITE_DATA_DIR: expect.stringMatching(/\.data\/pglite$/),
      DATABASE_POOL_SIZE: 10,
      MIGRATION_WAIT_MS: 300_000,
      INGEST_MAX_RECORD_CHARACTERS: 1_000_000,
      INGEST_MAX_DOCUMENT_BYTES: 16_000_000,
      INGEST_MAX_NESTING: 32,
    });
    expect(readBackfillEnvironment({}).BACKFILL_RATE).toBe(2);
    expect(readSubgraphServiceEnvironment({ SUBGRAPH_PORT: "4100" })).toMatchObject({ SUBGRAPH_PORT: 4100, STATEMENT_TIMEOUT_MS: 5_000 });
  });

  it("checks RATE_LIMIT_COST against MAX_COST only where both are read: the gateway", () => {
    const tooSmall = { RATE_LIMIT_COST: "100", MAX_COST: "200" };
    expect(() => readGatewayEnvironment(tooSmall)).toThrow(/^Invalid environment: RATE_LIMIT_COST: must be 0 \(off\) or at least MAX_COST$/);
    for (const { read } of Object.values(entryPoints).filter(({ read }) => read !== readGatewayEnvironment)) {
      expect(() => read(tooSmall)).not.toThrow();
    }
  });

  it("names every bad variable at once", () => {
    expect(() => readIngestEnvironment({ DATABASE_URL: "mysql://db", INGEST_MAX_NESTING: "deep", CORS_ORIGINS: "not a url" })).toThrow(
      /^Invalid environment: DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/; INGEST_MAX_NESTING: [^;]*$/,
    );
  });
});

describe("the README's settings tables", () => {
  const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
  /** Each row of a table with a "read by" column: the variable, and the entry points named. */
  const rows = new Map(
    [...readme.matchAll(/^\| `([A-Z0-9_]+)` \| [^|]* \| ([^|]*) \| /gm)].map(([, name = "", readBy = ""]) => [
      name,
      readBy.trim() === "all" ? [...entryPointNames] : [...readBy.matchAll(/`([^`]+)`/g)].map(([, entryPoint]) => entryPoint),
    ]),
  );

  it("say which entry points read each variable, as their schemas do", () => {
    const fromSchemas = new Map<string, string[]>();
    for (const entryPoint of entryPointNames) for (const name of variablesReadBy(entryPoint)) fromSchemas.set(name, [...(fromSchemas.get(name) ?? []), entryPoint]);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(fromSchemas));
  });
});
