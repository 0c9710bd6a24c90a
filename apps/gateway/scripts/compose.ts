// Writes supergraph.graphql: the composed SDL any federation router (Apollo Router, Hive
// Gateway) can load, with each subgraph at its distributed-mode URL.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { composeSupergraph } from "../src/subgraphs/supergraph.js";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";

const target = resolve(import.meta.dirname, "../supergraph.graphql");
writeFileSync(target, composeSupergraph(await buildAllSubgraphs()));
console.log(`wrote ${target}`);
