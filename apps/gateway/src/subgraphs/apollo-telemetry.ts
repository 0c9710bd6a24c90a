/**
 * Unless told not to, @apollo/gateway reports usage metrics to Apollo every few minutes and, to
 * describe the host, probes cloud metadata endpoints (169.254.169.254 …) when it is created. An
 * open-data gateway, and its tests, call nowhere they were not asked to. The library reads this
 * switch from the environment itself, when the gateway is constructed; it has no option for it.
 */
export function disableApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
}
