/** Refuses subgraph URLs for names the supergraph does not have: a typo would otherwise run that subgraph in-process unnoticed. */
export function checkSubgraphUrls(subgraphUrls: Readonly<Record<string, string>>, subgraphNames: readonly string[]): void {
  const unknown = Object.keys(subgraphUrls).filter((name) => !subgraphNames.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `Invalid environment: SUBGRAPH_URLS: no subgraph named ${unknown.map((name) => `"${name}"`).join(", ")}; ` +
        `the subgraphs are ${subgraphNames.join(", ")}`,
    );
  }
}
