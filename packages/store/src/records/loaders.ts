import DataLoader from "dataloader";
import type { Ingestion, PrismaClient } from "../generated/prisma/client.js";
import type { BatchOptions } from "../request-statements.js";
import type { RecordFieldInfo, RecordMode, RecordSettings } from "./types.js";

interface SettingsRow {
  readonly id: string;
  readonly mode: RecordMode;
  /** The dataset's fields in position order (json_agg, parsed by the driver), `[]` when it has none yet. */
  readonly fields: RecordFieldInfo[];
}

/**
 * Each dataset's record mode with its fields in position order, for a batch of ids, in one
 * statement (ids bound as one text[] parameter). Unknown ids have no row.
 */
const settingsSql =
  `SELECT d.id, d."recordMode"::text AS mode,` +
  ` coalesce(json_agg(json_build_object('name', f.name, 'type', f.type, 'position', f.position) ORDER BY f.position)` +
  ` FILTER (WHERE f.name IS NOT NULL), '[]'::json) AS fields` +
  ` FROM "Dataset" d LEFT JOIN "DatasetField" f ON f."datasetId" = d.id` +
  ` WHERE d.id = ANY($1::text[]) GROUP BY d.id`;

/** Per-request lookups for the records subgraph. */
export function createRecordLoaders(prisma: PrismaClient, options: BatchOptions = {}) {
  return {
    /** How each dataset's records are queried: its mode and fields (null for an unknown dataset). */
    recordSettings: new DataLoader<string, RecordSettings | null>(async (ids) => {
      const rows = await prisma.$queryRawUnsafe<SettingsRow[]>(settingsSql, [...ids]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => {
        const row = byId.get(id);
        return row ? { datasetId: id, mode: row.mode, fields: row.fields } : null;
      });
    }, options),
    ingestionById: new DataLoader<number, Ingestion | null>(async (ids) => {
      const rows = await prisma.ingestion.findMany({ where: { id: { in: [...ids] } } });
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }, options),
  };
}

export type RecordLoaders = ReturnType<typeof createRecordLoaders>;
