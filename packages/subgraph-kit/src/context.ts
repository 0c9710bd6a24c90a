import { createCatalogueLoaders, createRecordLoaders, currentRequestStatements, type BatchOptions, type Store } from "@hkhealth/store";
import { defaultArgumentLimits, type ArgumentLimits } from "./argument-checks.js";

/**
 * What every resolver of every subgraph receives. One is made per GraphQL request (by the
 * gateway in-process, or by each subgraph's own server in distributed mode), so the
 * DataLoaders batch and cache within that request only.
 */
export interface GraphContext {
  readonly store: Store;
  readonly loaders: ReturnType<typeof createCatalogueLoaders>;
  readonly records: ReturnType<typeof createRecordLoaders>;
  /** What every argument is checked against before a resolver runs (MAX_FILTER_LENGTH). */
  readonly argumentLimits: ArgumentLimits;
  /** How every loader of the request batches (the subgraphs' own loaders too). */
  readonly batchOptions: BatchOptions;
}

/**
 * Made inside a request that `batchPerRequest` runs, the loaders dispatch their batches when
 * none of the request's statements is in flight (see RequestStatements); elsewhere (a script, a
 * test calling a subgraph directly), on DataLoader's own schedule.
 */
export function createContext(
  store: Store,
  argumentLimits: ArgumentLimits = defaultArgumentLimits,
  batchOptions: BatchOptions = currentRequestStatements()?.batchOptions ?? {},
): GraphContext {
  return {
    store,
    loaders: createCatalogueLoaders(store.prisma, batchOptions),
    records: createRecordLoaders(store.prisma, batchOptions),
    argumentLimits,
    batchOptions,
  };
}
