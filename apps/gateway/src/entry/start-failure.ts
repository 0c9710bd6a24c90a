import { isStoreOpeningError } from "@hkhealth/store";

/**
 * What kept a process from starting, then exit 1: one line a person can act on for a known
 * failure (the database, the environment), the stack for anything else.
 */
export function exitOnStartFailure(error: unknown): never {
  if (isStoreOpeningError(error) || (error instanceof Error && error.message.startsWith("Invalid environment"))) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
}
