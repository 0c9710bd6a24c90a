import { createCatalogueLoaders, createRecordLoaders, type Store } from "@hkhealth/store";
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
}

export function createContext(store: Store, argumentLimits: ArgumentLimits = defaultArgumentLimits): GraphContext {
  return { store, loaders: createCatalogueLoaders(store.prisma), records: createRecordLoaders(store.prisma), argumentLimits };
}
