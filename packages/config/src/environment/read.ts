import type { z } from "zod";
import type { DefaultsContext } from "./values.js";

/** Validates `source` with `schema`; an unset or empty variable takes its default. */
export function parseEnvironment<T>(schema: z.ZodType<T>, source: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** A reader of one schema: it validates the variables that schema names and nothing else. */
export function environmentReader<T>(schemaOf: (context: DefaultsContext) => z.ZodType<T>) {
  return (source: NodeJS.ProcessEnv = process.env): T => parseEnvironment(schemaOf({ quiet: source.NODE_ENV === "test" }), source);
}
