import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pipelineFixture } from "./fixtures.js";

const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
const cli = join(repoRoot, "packages/ingest/src/cli.ts");

export interface CliOutcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI as `pnpm ingest` does (tsx, source conditions), in a process of its own, as if
 * typed in the pipeline fixtures folder: relative paths resolve there. `database` is either
 * `{ databaseUrl }` (a PostgreSQL server) or `{ dataDir }` (a PGlite folder).
 */
export function runIngestCli(
  database: { readonly databaseUrl: string } | { readonly dataDir: string },
  args: readonly string[],
  extraEnvironment: Record<string, string> = {},
): Promise<CliOutcome> {
  const { DATABASE_URL: _server, ...environment } = process.env;
  const env = {
    ...environment,
    ...("databaseUrl" in database ? { DATABASE_URL: database.databaseUrl } : { PGLITE_DATA_DIR: database.dataDir }),
    ...extraEnvironment,
    TSX_TSCONFIG_PATH: join(repoRoot, "tsconfig.json"),
    INIT_CWD: pipelineFixture("."),
  };
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "--conditions=@hkhealth/source", cli, ...args], { cwd: repoRoot, env }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}
