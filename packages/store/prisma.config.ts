import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file; migrations run through the WebAssembly schema
// engine (src/migrate.ts), which needs no downloaded binary.
export default defineConfig({
  schema: "../../prisma/schema.prisma",
});
