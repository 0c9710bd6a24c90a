// Usage: pnpm --filter @hkhealth/store migration:create <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the existing
// migrations to prisma/schema.prisma, computed on an in-memory PGlite (no native engine needed).
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { diffMigrationsToSchema } from "../src/schema-engine.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: migration:create <name>   (lowercase letters, digits and _)");
  process.exit(2);
}
const prismaDir = resolve(import.meta.dirname, "../../../prisma");
const migrationsDir = join(prismaDir, "migrations");
const existing = existsSync(migrationsDir)
  ? readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .map((dir) => ({ name: dir, sql: readFileSync(join(migrationsDir, dir, "migration.sql"), "utf8") }))
  : [];
const db = await PGlite.create({ extensions: { pg_trgm } });
const sql = await diffMigrationsToSchema(new PrismaPGlite(db), existing, readFileSync(join(prismaDir, "schema.prisma"), "utf8"));
await db.close();
if (!sql.trim() || /^--\s*This is an empty migration/m.test(sql)) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
writeFileSync(join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`wrote ${dir}/migration.sql; run the generate task to embed it.`);
