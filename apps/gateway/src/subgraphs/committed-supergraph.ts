import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { localSubgraphUrl } from "./subgraph-ports.js";

/** Where `pnpm --filter @hkhealth/gateway compose` writes the supergraph and what it was composed from. */
export const committedSupergraphDir = resolve(import.meta.dirname, "../..");

export interface SupergraphFiles {
  /** supergraph.graphql */
  readonly sdlPath: string;
  /** supergraph.sources.sha256: the hash of the subgraphs (names, URLs, SDL) it was composed from. */
  readonly sourcesHashPath: string;
}

export function supergraphFiles(dir = committedSupergraphDir): SupergraphFiles {
  return { sdlPath: join(dir, "supergraph.graphql"), sourcesHashPath: join(dir, "supergraph.sources.sha256") };
}

/** sha256 of what composition reads: each subgraph's name, URL and SDL, in order. */
export function supergraphSourcesHash(subgraphs: readonly Subgraph[], urlOf = localSubgraphUrl): string {
  const sources = subgraphs.map((subgraph) => ({ name: subgraph.name, url: urlOf(subgraph.name), typeDefs: subgraph.typeDefs }));
  return createHash("sha256").update(JSON.stringify(sources)).digest("hex");
}

async function readOrUndefined(path: string): Promise<string | undefined> {
  return readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
}

/**
 * The supergraph SDL of these subgraphs: the committed file when it was composed from exactly
 * these subgraphs (composition takes about a second of every start), else composed now.
 */
export async function supergraphSdlFor(subgraphs: readonly Subgraph[], files = supergraphFiles()): Promise<string> {
  const [committedHash, committedSdl] = await Promise.all([readOrUndefined(files.sourcesHashPath), readOrUndefined(files.sdlPath)]);
  if (committedSdl !== undefined && committedHash?.trim() === supergraphSourcesHash(subgraphs)) return committedSdl;
  const { composeSupergraph } = await import("./supergraph.js");
  return composeSupergraph(subgraphs);
}
