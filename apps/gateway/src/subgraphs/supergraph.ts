import { composeServices } from "@apollo/composition";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { parse } from "graphql";

import { localSubgraphUrl } from "./subgraph-ports.js";

export { localSubgraphUrl, subgraphPorts } from "./subgraph-ports.js";

/** Composes the subgraphs into a supergraph SDL, or throws listing every composition error. */
export function composeSupergraph(subgraphs: readonly Subgraph[], urlOf = localSubgraphUrl): string {
  const result = composeServices(
    subgraphs.map((subgraph) => ({ name: subgraph.name, url: urlOf(subgraph.name), typeDefs: parse(subgraph.typeDefs) })),
  );
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join("\n")}`);
  }
  return result.supergraphSdl;
}
