import type { AggregateQuery, RecordPageQuery } from "@hkhealth/store";
import { AED_LAST_SNAPSHOT } from "./synthetic/aed.js";
import { SYNTHETIC_AED, SYNTHETIC_WIDE } from "./synthetic/datasets.js";

/** The statement a raw-SQL floor runs for an operation: built by the store's own query builders. */
export type FloorQuery =
  | { readonly kind: "records"; readonly datasetId: string; readonly query: RecordPageQuery }
  | { readonly kind: "aggregate"; readonly datasetId: string; readonly query: AggregateQuery };

export interface Operation {
  readonly name: OperationName;
  readonly description: string;
  readonly query: string;
  /** Variables at a page size (what "size" means for each operation is in `sizeMeaning`). */
  variables(size: number): Record<string, unknown>;
  readonly sizeMeaning: string;
  /** Page size under load. */
  readonly loadSize: number;
  /** The same rows through the store's SQL, for the operations that have a floor. */
  floor?(size: number): FloorQuery;
  /** A root field the operation needs: it runs only when the supergraph has it (typed models). */
  readonly requiresRootField?: string;
}

export type OperationName = "catalogue" | "recordPage" | "aggregate" | "aedHistory" | "crossSubgraph" | "typedHospitals";

/** The catalogue's page size is capped at 100 (MAX_PAGE_SIZE). */
const catalogueSize = (size: number) => Math.min(size, 100);

const STATUS_DATE = "2024-12-31";

export const RECORD_PAGE_DISTRICT = "Kwun Tong";
export const RECORD_PAGE_MIN_WAIT = 60;
const recordFilter = [
  { field: "district", eq: RECORD_PAGE_DISTRICT },
  { field: "waitMinutes", gte: RECORD_PAGE_MIN_WAIT },
] as const;
const recordOrder = [{ field: "admittedAt", direction: "DESC" }] as const;

/** The A&E window that holds `snapshots` 15-minute snapshots, ending at the last one. */
function aedWindow(snapshots: number): { from: Date; to: Date } {
  return { from: new Date(AED_LAST_SNAPSHOT.getTime() - (snapshots - 1) * 15 * 60_000), to: AED_LAST_SNAPSHOT };
}

/** The hospital whose whole history aedHistory reads. */
export const AED_HISTORY_HOSPITAL = "Queen Elizabeth Hospital";
const aedHistoryFilter = [{ field: "hospName", eq: AED_HISTORY_HOSPITAL }] as const;
/** A window around every snapshot any scale generates: the whole history, and every record of it. */
const wholeHistory = { from: new Date("2000-01-01T00:00:00Z"), to: AED_LAST_SNAPSHOT };

/** A week of snapshots: 672 per hospital. */
const WEEK_OF_SNAPSHOTS = 7 * 96;

export const operations: readonly Operation[] = [
  {
    name: "catalogue",
    description: "catalogue page with agencies and releases (plan subgraph)",
    query: `query Catalogue($first: Int) {
  datasets(first: $first) {
    totalCount
    edges { cursor node { id title(lang: ZH_HANT) updateFrequency formats agency { code name } releases { id planRow month status(asOf: "${STATUS_DATE}") description } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: (size) => ({ first: catalogueSize(size) }),
    sizeMeaning: "datasets per page (capped at 100)",
    loadSize: 20,
  },
  {
    name: "recordPage",
    description: "one dataset's record page, filtered (district, waitMinutes >= 60) and ordered (admittedAt DESC)",
    query: `query RecordPage($id: ID!, $first: Int, $filter: [FieldFilterInput!], $orderBy: [FieldOrderInput!]) {
  dataset(id: $id) {
    id
    records(first: $first, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id observedAt fields } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`,
    variables: (size) => ({ id: SYNTHETIC_WIDE, first: size, filter: recordFilter, orderBy: recordOrder }),
    sizeMeaning: "records per page",
    loadSize: 20,
    floor: (size) => ({
      kind: "records",
      datasetId: SYNTHETIC_WIDE,
      query: { filter: recordFilter, orderBy: recordOrder, first: size, offset: 0, asOf: undefined, from: undefined, to: undefined },
    }),
  },
  {
    name: "aggregate",
    description: "A&E snapshots of a week grouped by hospital: count, avg and max",
    query: `query Aggregate($id: ID!, $from: DateTime, $to: DateTime) {
  dataset(id: $id) {
    id
    recordAggregate(groupBy: ["hospName"], from: $from, to: $to) { key count avg(field: "t3p50") max(field: "t3p95") }
  }
}`,
    variables: (size) => {
      const window = aedWindow(size);
      return { id: SYNTHETIC_AED, from: window.from.toISOString(), to: window.to.toISOString() };
    },
    sizeMeaning: "snapshots in the window (x18 hospitals)",
    loadSize: WEEK_OF_SNAPSHOTS,
    floor: (size) => ({
      kind: "aggregate",
      datasetId: SYNTHETIC_AED,
      query: {
        groupBy: ["hospName"],
        filter: undefined,
        asOf: undefined,
        ...aedWindow(size),
        aggregates: [
          { fn: "avg", field: "t3p50" },
          { fn: "max", field: "t3p95" },
        ],
      },
    }),
  },
  {
    // Issue 13's question: one hospital's median waits by Hong Kong hour of day, over the whole
    // history (the typed floor's statement answers the same).
    name: "aedHistory",
    description: "one A&E hospital over the whole history: count and median of t3p50 by Hong Kong hour of day",
    query: `query AedHistory($id: ID!, $filter: [FieldFilterInput!], $from: DateTime, $to: DateTime) {
  dataset(id: $id) {
    id
    recordAggregate(groupBy: [], groupByTime: [{ field: "updateTime", part: HOUR_OF_DAY }], filter: $filter, from: $from, to: $to) {
      key count median(field: "t3p50")
    }
  }
}`,
    variables: () => ({ id: SYNTHETIC_AED, filter: aedHistoryFilter, from: wholeHistory.from.toISOString(), to: wholeHistory.to.toISOString() }),
    sizeMeaning: "fixed: every snapshot of one hospital",
    loadSize: 1,
    floor: () => ({
      kind: "aggregate",
      datasetId: SYNTHETIC_AED,
      query: {
        groupBy: [],
        groupByTime: [{ field: "updateTime", part: "HOUR_OF_DAY" }],
        filter: aedHistoryFilter,
        asOf: undefined,
        ...wholeHistory,
        aggregates: [{ fn: "median", field: "t3p50" }],
      },
    }),
  },
  {
    name: "crossSubgraph",
    description: "datasets (plan) with their record fields (records subgraph, one _entities fetch) and typed-view type",
    query: `query CrossSubgraph($first: Int) {
  datasets(first: $first) {
    edges { node { id title agency { code } view { __typename } fields { name type position } } }
  }
}`,
    variables: (size) => ({ first: catalogueSize(size) }),
    sizeMeaning: "datasets per page (capped at 100)",
    loadSize: 50,
  },
  {
    name: "typedHospitals",
    description: "typed view: A&E hospitals (HA subgraph) with their latest waiting time, its dataset and release (plan subgraph), on the real files",
    query: `query TypedHospitals {
  hospitals(withAeService: true) {
    id name(lang: ZH_HANT) cluster latitude longitude
    aedWaitingTime { observedAt triage3Median { text minutes bound } topWait { text minutes bound } dataset { id title } release { id month } }
  }
}`,
    variables: () => ({}),
    sizeMeaning: "fixed: the 18 A&E hospitals of the real directory",
    loadSize: 18,
    requiresRootField: "hospitals",
  },
];

/** The operations the graph can answer: those needing a root field only when the supergraph has it. */
export function operationsFor(queryFieldNames: ReadonlySet<string>): Operation[] {
  return operations.filter((operation) => !operation.requiresRootField || queryFieldNames.has(operation.requiresRootField));
}
