import { SqlParams, type PrismaClient } from "@hkhealth/store";
import { languageSnapshotFrom, type LanguageSnapshot } from "./languages.js";
import { recordRows, type RecordRow } from "./record-row.js";

/** The records of one language's snapshot in force, in file order. One statement. */
export async function findLanguageSnapshot(prisma: PrismaClient, snapshot: LanguageSnapshot): Promise<RecordRow[]> {
  const params = new SqlParams();
  const sql = `SELECT r.id::text AS "recordId", r."ingestionId", r."observedAt", r.resource, r.fields FROM ${languageSnapshotFrom(snapshot, params)} ORDER BY r.ordinal, r.id`;
  return recordRows(await prisma.$queryRawUnsafe<RecordRow[]>(sql, ...params.values));
}
