import DataLoader from "dataloader";
import type { Ingestion, PrismaClient } from "../generated/prisma/client.js";
import type { FieldType, RecordSettings } from "./types.js";

/** Per-request lookups for the records subgraph. */
export function createRecordLoaders(prisma: PrismaClient) {
  return {
    /** How each dataset's records are queried: its mode and fields (null for an unknown dataset). */
    recordSettings: new DataLoader<string, RecordSettings | null>(async (ids) => {
      const [datasets, fields] = await Promise.all([
        prisma.dataset.findMany({ where: { id: { in: [...ids] } }, select: { id: true, recordMode: true } }),
        prisma.datasetField.findMany({ where: { datasetId: { in: [...ids] } }, orderBy: [{ datasetId: "asc" }, { position: "asc" }] }),
      ]);
      return ids.map((id) => {
        const dataset = datasets.find((candidate) => candidate.id === id);
        if (!dataset) return null;
        return {
          datasetId: id,
          mode: dataset.recordMode,
          fields: fields
            .filter((field) => field.datasetId === id)
            .map((field) => ({ name: field.name, type: field.type as FieldType, position: field.position })),
        };
      });
    }),
    ingestionById: new DataLoader<number, Ingestion | null>(async (ids) => {
      const rows = await prisma.ingestion.findMany({ where: { id: { in: [...ids] } } });
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }),
  };
}

export type RecordLoaders = ReturnType<typeof createRecordLoaders>;
