import type { CodegenConfig } from "@graphql-codegen/cli";

// Scalars as the gateway answers them, as real types (see src/scalars.ts), not `any`.
const scalars = {
  Date: "import('../scalars.js').IsoDate",
  DateTime: "import('../scalars.js').IsoDateTime",
  JSON: "import('../scalars.js').JsonValue",
  JSONObject: "import('../scalars.js').JsonObject",
};

const config: CodegenConfig = {
  schema: "src/generated/schema.graphql",
  documents: ["src/operations/**/*.ts"],
  ignoreNoDocuments: false,
  // Imports with ".js", as NodeNext resolution wants.
  emitLegacyCommonJSImports: false,
  generates: {
    "src/generated/": {
      preset: "client",
      // Documents as strings: no graphql-js parser in the browser bundle.
      config: { emitLegacyCommonJSImports: false, documentMode: "string", scalars, strictScalars: true, enumsAsTypes: true, useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
