export { startGateway, type GatewayContext, type GatewayOptions, type QueryPlan, type RunningGateway } from "./gateway.js";
export { defaultGatewaySettings, gatewaySettings, type GatewaySettings, type LimitName, type QueryLimits } from "./settings.js";
export { composeSupergraph, localSubgraphUrl, subgraphPorts } from "./subgraphs/supergraph.js";
export { supergraphSdlFor, supergraphSourcesHash } from "./subgraphs/committed-supergraph.js";
export { buildAllSubgraphs, subgraphBuilders } from "./subgraphs/subgraphs.js";
