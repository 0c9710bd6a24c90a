import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The gateway `pnpm dev:web` talks to (its /graphql and /datasets/:id/records.csv).
const gateway = process.env.GATEWAY_URL ?? "http://localhost:4000";

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["@hkhealth/source"] },
  build: {
    outDir: "dist",
    // Two pages: the app, and GraphiQL on its own so the app's pages do not load its editor.
    rollupOptions: {
      input: { app: resolve(import.meta.dirname, "index.html"), graphiql: resolve(import.meta.dirname, "graphiql.html") },
      // GraphiQL's modules say "use no memo" (a React Compiler hint); bundling drops it harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
    chunkSizeWarningLimit: 4000,
    // Which chunks each page loads, for scripts/measure-web.ts.
    manifest: true,
  },
  server: {
    proxy: { "/graphql": gateway, "/datasets": gateway },
  },
});
