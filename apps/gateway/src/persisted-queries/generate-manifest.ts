import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { operationsOfText, readManifest, type ManifestOperation, type PersistedQueryManifest } from "./manifest.js";

const graphqlFile = /\.(graphql|gql)$/;

async function graphqlFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && graphqlFile.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function operationsFrom(input: string): Promise<ManifestOperation[]> {
  const info = await stat(input).catch(() => undefined);
  if (!info) throw new Error(`${input} does not exist (give .graphql files, folders of them, or persisted query manifests)`);
  if (info.isDirectory()) {
    const files = await graphqlFilesUnder(input);
    return (await Promise.all(files.map(operationsFrom))).flat();
  }
  if (input.endsWith(".json")) return [...(await readManifest(input)).operations];
  if (!graphqlFile.test(input)) throw new Error(`${input} is neither a .graphql/.gql file, a folder, nor a .json manifest`);
  return operationsOfText(await readFile(input, "utf8"), input);
}

/**
 * The manifest of every operation in `inputs`: .graphql/.gql files, folders searched for them
 * (recursively), and manifests already made (the web app's build may write one). Two operations
 * of one name with different bodies are refused: a client names what it sends.
 */
export async function generateManifest(inputs: readonly string[]): Promise<PersistedQueryManifest> {
  const byId = new Map<string, ManifestOperation>();
  const byName = new Map<string, ManifestOperation>();
  for (const input of inputs) {
    for (const operation of await operationsFrom(input)) {
      const named = byName.get(operation.name);
      if (named && named.id !== operation.id) throw new Error(`Two different operations are named ${operation.name} (one in ${input})`);
      byName.set(operation.name, operation);
      byId.set(operation.id, operation);
    }
  }
  const operations = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { format: "apollo-persisted-query-manifest", version: 1, operations };
}
