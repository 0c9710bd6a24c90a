// On PGlite (one process's database), the subgraphs as HTTP services in one process over one
// store, each on its own port through subgraph-kit's serveSubgraph. On PostgreSQL the harness
// runs apps/gateway's start-subgraph.ts instead, one process per subgraph.
import { buildAllSubgraphs } from "@hkhealth/gateway";
import { serveSubgraph } from "@hkhealth/subgraph-kit";
import { openStoreFromEnvironment, stopOnSignal } from "./environment.js";

const wanted = new Map(
  (process.env.BENCH_SUBGRAPHS ?? "").split(",").map((entry) => {
    const [name = "", port = ""] = entry.split("=");
    return [name, Number(port)] as const;
  }),
);
const store = await openStoreFromEnvironment();
const subgraphs = (await buildAllSubgraphs()).filter((subgraph) => wanted.has(subgraph.name));
const served = await Promise.all(
  subgraphs.map((subgraph) => serveSubgraph(subgraph, store, { port: wanted.get(subgraph.name) ?? 0, host: "127.0.0.1", introspection: false })),
);
stopOnSignal(async () => {
  await Promise.all(served.map((service) => service.stop()));
  await store.close();
});
