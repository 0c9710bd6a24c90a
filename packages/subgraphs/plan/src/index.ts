import { buildSubgraph, type GraphContext, type Subgraph } from "@hkhealth/subgraph-kit";
import { DatasetDistributionsResolver, DistributionResolver } from "./distributions/distribution.resolver.js";
import { AgencyResolver } from "./resolvers/agency.resolver.js";
import { DatasetResolver } from "./resolvers/dataset.resolver.js";
import { ReleaseResolver } from "./resolvers/release.resolver.js";

export const PLAN_SUBGRAPH = "plan";

/** The plan subgraph: owns Agency, Dataset and Release and the catalogue's root fields. */
export function buildPlanSubgraph(): Promise<Subgraph> {
  return buildSubgraph({
    name: PLAN_SUBGRAPH,
    resolvers: [AgencyResolver, DatasetResolver, DatasetDistributionsResolver, DistributionResolver, ReleaseResolver],
    referenceResolvers: {
      Agency: (reference, { loaders }: GraphContext) => loaders.agencyByCode.load(reference.code as never),
      Dataset: (reference, { loaders }: GraphContext) => loaders.datasetById.load(String(reference.id)),
      Release: (reference, { loaders }: GraphContext) => loaders.releaseById.load(String(reference.id)),
    },
  });
}
