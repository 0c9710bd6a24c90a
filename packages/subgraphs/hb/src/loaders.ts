import type { GraphContext } from "@hkhealth/subgraph-kit";
import DataLoader from "dataloader";
import { findCentres, type CentresKey } from "./dhc/dhc-queries.js";

/** The Health Bureau subgraph's batched lookups for one request. */
function createHealthBureauLoaders(context: GraphContext) {
  const { prisma } = context.store;
  return {
    /** Centres per (dataset, district): every view and root field of a request in one statement. */
    centres: new DataLoader<CentresKey, Awaited<ReturnType<typeof findCentres>>[number], string>((keys) => findCentres(prisma, keys), {
      ...context.batchOptions,
      cacheKeyFn: (key) => JSON.stringify([key.datasetId, key.district]),
    }),
  };
}

export type HealthBureauLoaders = ReturnType<typeof createHealthBureauLoaders>;

// Keyed by the request's context, so loaders live exactly as long as the request they batch for.
const loadersByContext = new WeakMap<GraphContext, HealthBureauLoaders>();

/** This request's loaders, made on first use. */
export function healthBureauLoaders(context: GraphContext): HealthBureauLoaders {
  let loaders = loadersByContext.get(context);
  if (!loaders) {
    loaders = createHealthBureauLoaders(context);
    loadersByContext.set(context, loaders);
  }
  return loaders;
}
