export { startGateway, type GatewayOptions, type RunningGateway } from "./gateway.js";
export { composeSupergraph, localSubgraphUrl, subgraphPorts } from "./supergraph.js";
export { buildAllSubgraphs, subgraphBuilders } from "./subgraphs.js";
