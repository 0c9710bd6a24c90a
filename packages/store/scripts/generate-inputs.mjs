// What the generated client and embedded migrations (src/generated/) are made from, hashed: the
// launcher compares it with the hash generate.mjs wrote, so a start skips turbo when nothing changed.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const prismaDir = resolve(packageDir, "../../prisma");
export const generatedDir = join(packageDir, "src/generated");
/** Written by generate.mjs last, so a generate that failed half-way leaves no current hash. */
export const inputsHashFile = join(generatedDir, "inputs.sha256");

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** sha256 of prisma/ (schema and migrations), this package's generate scripts and config, and the Prisma versions installed. */
export function generateInputsHash() {
  const hash = createHash("sha256");
  const files = [...filesUnder(prismaDir), ...filesUnder(join(packageDir, "scripts")), join(packageDir, "prisma.config.ts")].sort();
  for (const file of files) {
    hash.update(`${relative(packageDir, file)}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  const require = createRequire(join(packageDir, "package.json"));
  for (const name of ["prisma", "@prisma/client"]) {
    hash.update(`${name}@${JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version}\0`);
  }
  return hash.digest("hex");
}

/** Whether src/generated/ was generated from the inputs as they are now. */
export function generatedIsCurrent() {
  return existsSync(inputsHashFile) && readFileSync(inputsHashFile, "utf8").trim() === generateInputsHash();
}
