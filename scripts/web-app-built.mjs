// Preloaded by `pnpm start` (after generated-current.mjs): builds the web app the gateway serves at
// `/` only when apps/web/dist is missing or was built from other sources, so a restart pays no
// turbo or Vite start. A build that fails is reported and the gateway starts anyway: the graph
// does not depend on the app, and `/` then says the app is not built.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "apps/web");
const builtFrom = join(web, "dist/.inputs.sha256");
/** What the build is made from: the app, the client's operations and the schema they are typed by. */
const inputs = ["apps/web/src", "apps/web/index.html", "apps/web/graphiql.html", "apps/web/vite.config.ts", "apps/web/package.json", "packages/client/src/operations", "packages/client/scripts", "packages/client/codegen.ts", "packages/client/package.json", "apps/gateway/supergraph.graphql"];

function filesOf(path) {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [absolute];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

function inputsHash() {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap(filesOf).sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const wanted = inputsHash();
const current = existsSync(join(web, "dist/index.html")) && existsSync(builtFrom) && readFileSync(builtFrom, "utf8").trim() === wanted;
if (!current) {
  try {
    execFileSync("pnpm", ["exec", "turbo", "run", "build", "--filter=@hkhealth/web", "--output-logs=errors-only"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
    writeFileSync(builtFrom, `${wanted}\n`);
  } catch (error) {
    console.error(`The web app could not be built (${error.message.split("\n")[0]}); the gateway starts without it. Run \`pnpm build:web\` to see why.`);
  }
}
