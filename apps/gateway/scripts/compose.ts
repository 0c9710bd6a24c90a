// Writes supergraph.graphql: the composed SDL any federation router (Apollo Router, Hive
// Gateway) can load, with each subgraph at its distributed-mode URL; and beside it the hash of
// the subgraphs it was composed from, so a start serves the file instead of composing again.
import { writeFileSync } from "node:fs";
import { supergraphFiles, supergraphSourcesHash } from "../src/subgraphs/committed-supergraph.js";
import { composeSupergraph } from "../src/subgraphs/supergraph.js";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";

const subgraphs = await buildAllSubgraphs();
const files = supergraphFiles();
writeFileSync(files.sdlPath, composeSupergraph(subgraphs));
writeFileSync(files.sourcesHashPath, `${supergraphSourcesHash(subgraphs)}\n`);
console.log(`wrote ${files.sdlPath} and ${files.sourcesHashPath}`);
