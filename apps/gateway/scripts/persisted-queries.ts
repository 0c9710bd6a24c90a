// pnpm --filter @hkhealth/gateway persisted-queries [--out manifest.json] <.graphql files | folders | manifest.json>...
// Writes the persisted query manifest PERSISTED_QUERIES_MANIFEST names (README "Persisted queries").
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { generateManifest } from "../src/persisted-queries/generate-manifest.js";

// pnpm runs the script in apps/gateway: paths are the caller's, relative to where pnpm was run.
const here = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
const inputs = args.filter((_arg, index) => outIndex < 0 || (index !== outIndex && index !== outIndex + 1));
if (inputs.length === 0 || (outIndex >= 0 && !out)) {
  process.stderr.write("usage: persisted-queries [--out manifest.json] <.graphql files | folders | manifest.json>...\n");
  process.exit(2);
}
try {
  const manifest = await generateManifest(inputs.map(here));
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (out) {
    await writeFile(here(out), text);
    process.stderr.write(`${manifest.operations.length} operations written to ${out}\n`);
  } else process.stdout.write(text);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
