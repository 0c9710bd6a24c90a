import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Workspace packages export their TypeScript source under this condition, so tests run
// against source without a build step.
const source = "@hkhealth/source";

export default defineConfig({
  resolve: { conditions: [source, ...defaultClientConditions] },
  // Without "module": Node imports what vitest resolves for dependencies, and some packages'
  // "module" builds are not valid Node ESM.
  ssr: { resolve: { conditions: [source, ...defaultServerConditions.filter((condition) => condition !== "module")] } },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
