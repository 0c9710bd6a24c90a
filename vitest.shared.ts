import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";
import { createRequire } from "node:module";

// Workspace packages export their TypeScript source under this condition, so tests run
// against source without a build step.
const source = "@hkhealth/source";

export default defineConfig({
  resolve: {
    conditions: [source, ...defaultClientConditions],
    // graphql 16 ships CJS (main) and ESM (module) copies. Libraries loaded by Node get the CJS
    // one; without this our source would get the ESM one, and `instanceof GraphQLScalarType`
    // fails across the two.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  // Without "module": Node imports what vitest resolves for dependencies, and some packages'
  // "module" builds are not valid Node ESM.
  ssr: { resolve: { conditions: [source, ...defaultServerConditions.filter((condition) => condition !== "module")] } },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
