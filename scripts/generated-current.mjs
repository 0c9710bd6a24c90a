// Preloaded by the root scripts (`node --import ./scripts/generated-current.mjs …`): runs
// `turbo run generate` only when the Prisma client is missing or older than prisma/, instead of
// paying turbo's start (about a second) on every start and ingest.
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generatedIsCurrent } from "../packages/store/scripts/generate-inputs.mjs";

if (!generatedIsCurrent()) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  execFileSync("pnpm", ["exec", "turbo", "run", "generate", "--output-logs=errors-only"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (!generatedIsCurrent()) throw new Error("turbo run generate finished, but packages/store/src/generated/inputs.sha256 still does not match prisma/: run `pnpm generate` and read its output");
}
