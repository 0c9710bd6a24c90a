import { existsSync, readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import shared from "./vitest.shared.js";
import { SkippedForSharedFilesReporter } from "./vitest.skipped-files.js";

/**
 * `pnpm test` runs every package's tests in one vitest run. Packages that use the store run
 * twice: on embedded PGlite, and on the PostgreSQL server at TEST_DATABASE_URL (or
 * DATABASE_URL) when one is given; each test file makes its own database there.
 */
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";

const workspaceFolders = ["packages", "packages/subgraphs", "apps"];
// bench/ is a workspace package of its own (the harness's pure helpers have tests).
const packageDirs = [...workspaceFolders.flatMap((folder) => readdirSync(folder).map((entry) => `${folder}/${entry}`)), "bench"]
  .filter((dir) => existsSync(`${dir}/package.json`) && existsSync(`${dir}/test`));

function usesStore(dir: string): boolean {
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, "utf8")) as { name: string; dependencies?: object };
  return manifest.name === "@hkhealth/store" || Object.hasOwn(manifest.dependencies ?? {}, "@hkhealth/store");
}

function project(dir: string, database: "pglite" | "postgres") {
  const name = dir.split("/").at(-1)!;
  return {
    ...shared,
    test: {
      ...shared.test,
      name: usesStore(dir) ? `${name} (${database === "pglite" ? "PGlite" : "PostgreSQL"})` : name,
      root: dir,
      include: ["test/**/*.test.ts"],
      env: { DATABASE_URL: database === "postgres" ? postgresUrl : "" },
    },
  };
}

export default defineConfig({
  test: {
    reporters: ["default", new SkippedForSharedFilesReporter()],
    projects: [
      ...packageDirs.map((dir) => project(dir, "pglite")),
      ...(postgresUrl ? packageDirs.filter(usesStore).map((dir) => project(dir, "postgres")) : []),
    ],
  },
});
