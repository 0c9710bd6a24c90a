export { createStore, type Store, type StoreOptions } from "./store.js";
export { DatabaseUnavailableError, describeDatabaseUrl } from "./errors.js";
export { SqlLog, type SqlListener } from "./sql-log.js";
export { applyMigrations, diffMigrationsToSchema, type Migration } from "./schema-engine.js";
export { loadCatalogue, releaseId, type CatalogueLoadResult } from "./catalogue-loader.js";
export { findDatasets, releaseStatusWhere, type DatasetPage, type DatasetQuery } from "./catalogue-queries.js";
export { createCatalogueLoaders, type CatalogueLoaders } from "./loaders.js";
export type { Agency as AgencyRow, Dataset as DatasetRow, Release as ReleaseRow, PrismaClient } from "./generated/prisma/client.js";
