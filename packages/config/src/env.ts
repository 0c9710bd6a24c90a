import { resolve } from "node:path";
import { z } from "zod";

/** The repository root, where the default PGlite data folder lives. */
const repositoryRoot = resolve(import.meta.dirname, "../../..");

const port = z.coerce.number().int().min(0).max(65_535);

const environmentSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** A PostgreSQL server; without it the gateway runs on embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** PGlite's data folder (ignored with DATABASE_URL). */
  PGLITE_DATA_DIR: z.string().min(1).default(resolve(repositoryRoot, ".data/pglite")),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

export type Environment = z.infer<typeof environmentSchema>;

/** Reads and validates the environment once; every setting the gateway, subgraphs and CLI use is here. */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = environmentSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** The store settings of an environment, as `createStore` takes them. */
export function storeOptions(environment: Environment) {
  return {
    databaseUrl: environment.DATABASE_URL,
    dataDir: environment.PGLITE_DATA_DIR,
    poolSize: environment.DATABASE_POOL_SIZE,
  };
}
