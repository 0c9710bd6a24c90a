import { composeServices } from "@apollo/composition";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { parse } from "graphql";

/** Port each subgraph listens on when run as its own service (distributed mode). */
export const subgraphPorts: Readonly<Record<string, number>> = {
  plan: 4001,
  records: 4002,
  "health-bureau": 4003,
  "hospital-authority": 4004,
  "department-of-health": 4005,
};

/** URL written into the committed supergraph; a router can override it per subgraph. */
export function localSubgraphUrl(name: string): string {
  return `http://localhost:${subgraphPorts[name] ?? 4001}/graphql`;
}

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
