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
