import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStore, diffMigrationsToSchema, loadCatalogue, type Migration } from "../src/index.js";
import { migrations, prismaSchema } from "../src/generated/migrations.js";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

const dataDir = mkdtempSync(join(tmpdir(), "hkhealth-pglite-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("embedded PGlite in a data folder", () => {
  it("migrates and loads the plan on first open; on reopen keeps the data and writes nothing", async () => {
    const first = await createStore({ dataDir });
    expect(first.appliedMigrations).toEqual(migrations.map((migration: Migration) => migration.name));
    expect((await loadCatalogue(first.prisma)).written).toBeGreaterThan(0);
    await first.close();

    const second = await createStore({ dataDir });
    expect(second.appliedMigrations).toEqual([]);
    const { result, statements } = await second.sqlLog.record(() => loadCatalogue(second.prisma));
    expect(result.written).toBe(0);
    expect(statements.every((sql) => /^\s*SELECT/i.test(sql))).toBe(true);
    expect(await second.prisma.release.count()).toBe(31);
    await second.close();
  });
});

describe("prisma/migrations", () => {
  it("take an empty database exactly to prisma/schema.prisma (run migration:create after a schema change)", async () => {
    const db = await PGlite.create();
    const pending = await diffMigrationsToSchema(new PrismaPGlite(db), migrations, prismaSchema);
    await db.close();
    expect(pending.replace(/^--.*$/gm, "").trim()).toBe("");
  });
});
