import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";

/** One allowed operation, as Apollo's persisted query manifests list them: `id` is the SHA-256 of `body`. */
export interface ManifestOperation {
  readonly id: string;
  readonly name: string;
  readonly type: "query" | "mutation" | "subscription";
  readonly body: string;
}

/** Apollo's persisted query manifest format (what @apollo/generate-persisted-query-manifest writes). */
export interface PersistedQueryManifest {
  readonly format: "apollo-persisted-query-manifest";
  readonly version: 1;
  readonly operations: readonly ManifestOperation[];
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function fragmentsUsedBy(definition: DefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, into: Set<string>): void {
  visit(definition, {
    FragmentSpread(node) {
      const name = node.name.value;
      const fragment = fragments.get(name);
      if (into.has(name) || !fragment) return;
      into.add(name);
      fragmentsUsedBy(fragment, fragments, into);
    },
  });
}

/**
 * The manifest entries of a document: one per named operation, its body the operation printed
 * with the fragments it uses (by name), so every client that prints the same operation sends the same text.
 */
export function operationsOf(document: DocumentNode, source: string): ManifestOperation[] {
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  return operations.map((operation) => {
    if (!operation.name) throw new Error(`${source}: every operation of a persisted query manifest needs a name`);
    const used = new Set<string>();
    fragmentsUsedBy(operation, fragments, used);
    const body = [operation, ...[...used].sort().map((name) => fragments.get(name) as FragmentDefinitionNode)].map((definition) => print(definition)).join("\n\n");
    return { id: sha256Hex(body), name: operation.name.value, type: operation.operation, body };
  });
}

/** Parses a .graphql file's text into its manifest entries, naming the file in errors. */
export function operationsOfText(text: string, source: string): ManifestOperation[] {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`${source} is not a GraphQL document: ${(error as Error).message}`);
  }
  return operationsOf(document, source);
}

/** Reads and checks a manifest file: its format, and that each id is its body's SHA-256. */
export async function readManifest(path: string): Promise<PersistedQueryManifest> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new Error(`The persisted query manifest ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  const manifest = parsed as Partial<PersistedQueryManifest>;
  if (manifest?.format !== "apollo-persisted-query-manifest" || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${path} is not a persisted query manifest: it needs { "format": "apollo-persisted-query-manifest", "version": 1, "operations": [...] }`);
  }
  for (const operation of manifest.operations) {
    if (typeof operation?.body !== "string" || operation.id !== sha256Hex(operation.body)) {
      throw new Error(`${path}: operation ${JSON.stringify(operation?.name)} has an id that is not the SHA-256 of its body`);
    }
  }
  return manifest as PersistedQueryManifest;
}
