// `pnpm prepare:database`: applies the migrations and loads the plan, then exits. Run it once
// (a deploy step) before starting subgraph services on a PostgreSQL server: they share that
// database and do not change it themselves. `pnpm start` does the same on its own start.
import { readPrepareDatabaseEnvironment, storeOptions } from "@hkhealth/config";
import { createStore, isStoreOpeningError, loadCatalogue } from "@hkhealth/store";

async function main(): Promise<number> {
  const environment = readPrepareDatabaseEnvironment();
  const store = await createStore(storeOptions(environment));
  try {
    const catalogue = await loadCatalogue(store.prisma);
    const migrations = store.appliedMigrations.length;
    console.log(
      `${store.target} is ready: ${migrations} migration${migrations === 1 ? "" : "s"} applied, ` +
        `${catalogue.datasets} datasets and ${catalogue.releases} releases` +
        (catalogue.written > 0 ? ` (${catalogue.written} rows written)` : " (already loaded)"),
    );
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  // Exit rather than wait: Prisma's WebAssembly schema engine leaves a timer that holds the process.
  (status) => process.exit(status),
  (error: unknown) => {
    if (isStoreOpeningError(error) || (error instanceof Error && error.message.startsWith("Invalid environment"))) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
