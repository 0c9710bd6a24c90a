import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { offPlanDatasets } from "@hkhealth/plan";
import { createStore, loadCatalogue, registerDataset, type Store } from "@hkhealth/store";
import { createTestDatabase } from "@hkhealth/store/testing";
import { afterAll, describe, expect, it } from "vitest";
import { ingestFile } from "../src/index.js";
import { pipelineFixture } from "./support/fixtures.js";

// A database from before vaccination records were dated by their "Date": its Dataset row has no
// observedAtField, its records carry the ingest's time, and the migration that dates them has
// not run. Opening it with this code (a restart) must repair both.
/** A database to open, close and open again: a PGlite folder, or one of its own at DATABASE_URL. */
async function reopenableDatabase(): Promise<{ open: () => Promise<Store>; remove: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const database = await createTestDatabase(server);
    return { open: () => createStore({ databaseUrl: database.url, poolSize: 2 }), remove: () => database.drop() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "hkhealth-upgrade-"));
  return { open: () => createStore({ dataDir }), remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

const removals: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const remove of removals) await remove();
});
async function database() {
  const opened = await reopenableDatabase();
  removals.push(opened.remove);
  return opened;
}

const datasetId = "hb-covid19-vaccination-by-age";
const migrationName = "20261202010000_vaccination_observed_at";
const textMigrationName = "20261202011000_string_fields_as_text";

async function observedDays(store: Store): Promise<Array<{ date: unknown; observedAt: string }>> {
  const records = await store.prisma.record.findMany({ where: { datasetId }, orderBy: { id: "asc" } });
  return records.map((record) => ({ date: (record.fields as Record<string, unknown>)["Date"], observedAt: record.observedAt.toISOString() }));
}

describe("a database stored before rows dated the vaccination dataset", () => {
  it("gets the profile and the records' days on the next start; ingesting the same file again would write nothing", async () => {
    const db = await database();
    const before = await db.open();
    await loadCatalogue(before.prisma);
    await before.prisma.dataset.update({ where: { id: datasetId }, data: { observedAtField: null } });
    const ingestedAt = new Date("2022-04-23T10:00:00+08:00");
    await ingestFile(before, { datasetId, location: pipelineFixture("vaccination-by-age.csv"), observedAt: ingestedAt });
    expect((await observedDays(before)).every((record) => record.observedAt === ingestedAt.toISOString())).toBe(true);
    await before.prisma.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name IN ($1, $2)`, migrationName, textMigrationName);
    await before.close();

    const after = await db.open();
    try {
      expect(after.appliedMigrations).toEqual([migrationName, textMigrationName]);
      expect((await loadCatalogue(after.prisma)).written).toBe(1);
      expect((await after.prisma.dataset.findUniqueOrThrow({ where: { id: datasetId } })).observedAtField).toBe("Date");
      const days = await observedDays(after);
      expect(days.length).toBeGreaterThan(0);
      for (const { date, observedAt } of days) expect(observedAt).toBe(new Date(`${String(date)}T00:00:00+08:00`).toISOString());
      const again = await ingestFile(after, { datasetId, location: pipelineFixture("vaccination-by-age.csv") });
      expect(again.status).toBe("duplicate");
    } finally {
      await after.close();
    }
  });
});

describe("a database stored before STRING fields kept their numbers as text", () => {
  it("gets the published text of CHP's Age back on the next start", async () => {
    const db = await database();
    const before = await db.open();
    await loadCatalogue(before.prisma);
    await registerDataset(before.prisma, offPlanDatasets.find((dataset) => dataset.id === "dh-chp-covid19-cases")!);
    const location = join(import.meta.dirname, "../../subgraphs/dh/test/fixtures/chp/enhanced_sur_covid_19_eng.csv");
    await ingestFile(before, { datasetId: "dh-chp-covid19-cases", location });
    const ages = async (store: Store) =>
      (await store.prisma.record.findMany({ where: { datasetId: "dh-chp-covid19-cases" }, orderBy: { id: "asc" } })).map((record) => (record.fields as Record<string, unknown>)["Age"]);
    const published = await ages(before);
    expect(published).toContain("45");
    // As the ingest stored them before: the numbers of the STRING field as JSON numbers.
    await before.prisma.$executeRawUnsafe(`UPDATE "Record" SET fields = jsonb_set(fields, '{Age}', (fields->>'Age')::jsonb) WHERE fields->>'Age' ~ '^[0-9]+$'`);
    expect(await ages(before)).toContain(45);
    await before.prisma.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = $1`, textMigrationName);
    await before.close();

    const after = await db.open();
    try {
      expect(after.appliedMigrations).toEqual([textMigrationName]);
      expect(await ages(after)).toEqual(published);
    } finally {
      await after.close();
    }
  });
});
