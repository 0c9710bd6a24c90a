// Prints the API schema (what clients may query: no join__/link__ machinery) of the composed
// supergraph, for GraphQL Code Generator and for other teams' tools.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Supergraph } from "@apollo/federation-internals";
import { printSchema } from "graphql";

const here = dirname(fileURLToPath(import.meta.url));
const supergraphPath = resolve(here, "../../../apps/gateway/supergraph.graphql");
const outputPath = resolve(here, "../src/generated/schema.graphql");

const supergraph = Supergraph.build(readFileSync(supergraphPath, "utf8"));
const apiSchema = supergraph.apiSchema().toGraphQLJSSchema();
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, `# Generated from apps/gateway/supergraph.graphql by scripts/api-schema.ts: do not edit.\n${printSchema(apiSchema)}\n`);
