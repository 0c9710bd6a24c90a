export {
  buildSubgraph,
  type ReferenceResolver,
  type Subgraph,
  type SubgraphDefinition,
  type TypeGraphQLClass,
} from "./build-subgraph.js";
export { buildAgencySubgraph, type AgencySubgraphDefinition } from "./agency-subgraph.js";
export { AgencyProfileBase, agencyProfileStub, agencyProfileTypeName } from "./agency-profile.js";
export { entityStub, type EntityStubClass } from "./entity-stub.js";
export { AgencyReference, DatasetReference, ReleaseReference } from "./references.js";
export { createContext, type GraphContext } from "./context.js";
export { userInputError } from "./errors.js";
export {
  checkArgumentValue,
  checkArguments,
  checkText,
  defaultArgumentLimits,
  DEFAULT_MAX_FILTER_LENGTH,
  type ArgumentLimits,
} from "./argument-checks.js";
export {
  connectionOf,
  cursorInteger,
  cursorText,
  decodeCursor,
  decodeCursorInteger,
  encodeCursor,
  MAX_SQL_INTEGER,
  pageOf,
  pageSize,
  rowsToFetch,
  splitPage,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_RECORD_PAGE_SIZE,
} from "./pagination.js";
export {
  connectionType,
  countedConnectionType,
  type Connection,
  type ConnectionDescriptions,
  type CountedConnection,
  type Edge,
  type LazyCountConnection,
} from "./connection-type.js";
export { serveSubgraph, type ServeSubgraphOptions, type ServedSubgraph } from "./serve-subgraph.js";
export { gracefulStop, IDLE_CLOSE_MS, type CutRequest, type GracefulStop, type StopOutcome } from "./graceful-stop.js";
export { datasetLinkResolver, recordLinksResolver, releaseOfIngestion, type RecordOrigin, type ViewKey } from "./record-links.js";
export { listenForGraphQL } from "./listen.js";
export { batchPerRequest } from "./batch-per-request.js";
export { cancelQueriesOnClose } from "./cancel-on-close.js";
export { selectedFields } from "./selection.js";
export { answeredBy, nullWhenUnanswered } from "./partial-answers.js";
export { DATASETS_READ_EXTENSION, datasetReadsPlugin, recordRequestDatasetReads } from "./report-dataset-reads.js";
