export * from "./types.js";
export { findRecords, countRecords, aggregateRecords, aggregateKey, MAX_GROUPS } from "./query.js";
export type { RecordRow, RecordPageQuery, AggregateFunction, AggregateRequest, AggregateQuery, AggregateGroup } from "./query.js";
export { insertRecords, openInsertingRecordWriter, RecordBatch, type OpenRecordWriter, type RecordWriter, readDatasetFields, saveDatasetFields, storeStringFieldsAsText, type RecordToWrite, type RecordBatchTarget } from "./write.js";
export { createRecordLoaders, type RecordLoaders } from "./loaders.js";
export { SqlParams, sqlLiteral, likeEscape } from "./sql.js";
export { latestObservations, latestSnapshotRecords, inSnapshot, type SnapshotSelection, type SnapshotSeries } from "./snapshot.js";
export { latestPerKey, type LatestPerKeyQuery, type LatestRow, type LatestTieBreak } from "./latest-per-key.js";
export { rowsToFetch, splitPage } from "./page.js";
