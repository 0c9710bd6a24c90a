import { aggregateRecords, createRecordLoaders, findRecords, type PrismaClient, type Store } from "@hkhealth/store";
import type { FloorQuery } from "./operations.js";

/** One statement and its parameters, as the store would send them. */
export interface CapturedStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * The statement the store's query builders (findRecords, aggregateRecords) produce for a floor
 * query, captured instead of sent: they only call `$queryRawUnsafe`, so a client that records the
 * call gives the exact SQL and parameters the resolvers run.
 */
export async function captureFloorStatement(store: Store, floor: FloorQuery): Promise<CapturedStatement> {
  const settings = await createRecordLoaders(store.prisma).recordSettings.load(floor.datasetId);
  if (!settings) throw new Error(`No dataset ${floor.datasetId} to build the floor's SQL for`);
  let captured: CapturedStatement | undefined;
  const recorder = {
    $queryRawUnsafe: async (sql: string, ...params: unknown[]) => {
      captured = { sql, params };
      return [];
    },
  } as unknown as PrismaClient;
  if (floor.kind === "records") await findRecords(recorder, settings, floor.query);
  else await aggregateRecords(recorder, settings, floor.query);
  if (!captured) throw new Error(`The store built no statement for ${floor.kind} on ${floor.datasetId}`);
  return captured;
}

/** Parameters as JSON for a child process; dates travel as ISO strings, which PostgreSQL casts the same way. */
export function serialisableParams(params: readonly unknown[]): unknown[] {
  return params.map((value) => (value instanceof Date ? value.toISOString() : typeof value === "bigint" ? String(value) : value));
}
