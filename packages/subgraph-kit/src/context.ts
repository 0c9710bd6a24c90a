import { createCatalogueLoaders, createRecordLoaders, type Store } from "@hkhealth/store";

/**
 * What every resolver of every subgraph receives. One is made per GraphQL request (by the
 * gateway in-process, or by each subgraph's own server in distributed mode), so the
 * DataLoaders batch and cache within that request only.
 */
export interface GraphContext {
  readonly store: Store;
  readonly loaders: ReturnType<typeof createCatalogueLoaders>;
  readonly records: ReturnType<typeof createRecordLoaders>;
}

export function createContext(store: Store): GraphContext {
  return { store, loaders: createCatalogueLoaders(store.prisma), records: createRecordLoaders(store.prisma) };
}
