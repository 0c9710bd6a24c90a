import { ReleaseReference, type GraphContext } from "@hkhealth/subgraph-kit";

/** The plan release a record's file was ingested under, if any (batched per request). */
export async function releaseOfIngestion(context: GraphContext, ingestionId: number): Promise<ReleaseReference | null> {
  const ingestion = await context.records.ingestionById.load(ingestionId);
  return ingestion?.releaseId ? { id: ingestion.releaseId } : null;
}
