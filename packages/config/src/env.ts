// The environment of every entry point, read and validated (zod) by the entry point itself:
// see environment/entry-points.ts for which variables each one reads.
export * from "./environment/entry-points.js";
export { graphStoreOptions, storeOptions, type DatabaseEnvironment, type StatementTimeoutEnvironment } from "./environment/database.js";
export type { LogLevel } from "./environment/http.js";
export type { IngestLimitsEnvironment, SyncSchedulerEnvironment } from "./environment/sources.js";
export type { TracingEnvironment } from "./environment/tracing.js";
