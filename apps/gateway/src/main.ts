import { createStore, DatabaseUnavailableError, loadCatalogue } from "@hkhealth/store";
import { readEnvironment, storeOptions } from "@hkhealth/config";
import { startGateway } from "./gateway.js";
import { buildAllSubgraphs } from "./subgraphs.js";

async function main(): Promise<void> {
  const environment = readEnvironment();
  const store = await createStore(storeOptions(environment));
  const catalogue = await loadCatalogue(store.prisma);
  const gateway = await startGateway(
    { store, subgraphs: await buildAllSubgraphs() },
    { port: environment.PORT, host: environment.HOST },
  );
  console.log(
    `Gateway ready at ${gateway.url} (Apollo Sandbox in a browser) on ${store.target}: ` +
      `${catalogue.datasets} datasets, ${catalogue.releases} releases` +
      (catalogue.written > 0 ? `, ${catalogue.written} rows written` : ", already loaded"),
  );

  const shutdown = async (signal: string) => {
    console.log(`${signal}: finishing in-flight requests`);
    await gateway.stop();
    await store.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  // One line a person can act on; the stack only when it is not a known failure.
  if (error instanceof DatabaseUnavailableError || (error instanceof Error && error.message.startsWith("Invalid environment"))) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
