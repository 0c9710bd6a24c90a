import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { migrations as embeddedMigrations, prismaSchema } from "./generated/migrations.js";

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");

// The few WebAssembly globals used here (@types/node 20 does not declare them).
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let modulePromise: Promise<SchemaEngineModule> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly. Node cannot import the package's
 * `.wasm` directly (which its main file does), so the module is instantiated by hand once.
 */
function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  modulePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(bgPath)) as SchemaEngineModule & {
      __wbg_set_wasm(exports: Record<string, unknown>): void;
    };
    const bytes = await readFile(bgPath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(bg) });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return modulePromise;
}

/**
 * The engine arms 10-second timers it never clears, which kept every process that migrated
 * alive 10 s after closing its store. Its timers are guards, not work: unref them so they
 * never hold the process open.
 */
function withUnrefTimers(bindings: object): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...bindings };
  for (const [name, value] of Object.entries(imports)) {
    if (name.startsWith("__wbg_setTimeout") && typeof value === "function") {
      imports[name] = (...args: unknown[]) => {
        const timer = (value as (...args: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | undefined)?.unref?.();
        return timer;
      };
    }
  }
  return imports;
}

const noFilters = { externalTables: [], externalEnums: [] };

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

function migrationList(migrations: readonly Migration[]) {
  return {
    baseDir: "prisma/migrations",
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: migration.sql } },
    })),
  };
}

async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", prismaSchema]] }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

/**
 * Applies the folders of prisma/migrations that the database has not seen, recording them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` would.
 */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrations: readonly Migration[] = embeddedMigrations,
): Promise<string[]> {
  return withSchemaEngine(adapterFactory, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: migrationList(migrations), filters: noFilters });
    return output.appliedMigrationNames;
  });
}

/** SQL that takes a database at `migrations` to the given Prisma schema (empty when up to date). */
export async function diffMigrationsToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrations: readonly Migration[],
  schema: string,
): Promise<string> {
  return withSchemaEngine(adapterFactory, async (engine) => {
    const from =
      migrations.length === 0 ? { tag: "empty" as const } : { tag: "migrations" as const, ...migrationList(migrations) };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
}
