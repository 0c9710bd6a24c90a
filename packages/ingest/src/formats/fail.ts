import { IngestError } from "../errors.js";

/**
 * Throws an IngestError for one place in a file; `field` names the column or key at fault.
 * Declare variables with this type (`const fail: Fail = ...`): TypeScript only treats a call as
 * never returning through an explicitly typed name.
 */
export type Fail = (problem: string, field?: string) => never;

/**
 * Binds a file and a location, so every parser reports "file: location: field: problem" the
 * same way and helpers (header checks, flattening) can fail without knowing where they are.
 */
export function failAt(source: string, location: string | undefined): Fail {
  return (problem, field) => {
    throw new IngestError(source, problem, location, field);
  };
}
