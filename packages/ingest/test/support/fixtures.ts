import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Absolute path of a fixture under test/fixtures/pipeline. */
export function pipelineFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/pipeline/${name}`, import.meta.url));
}

/** The SHA-256 of a file's bytes, computed here rather than by the code under test. */
export function sha256Of(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** The message of the IngestError a call fails with. */
export async function ingestFailure(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof Error && error.name === "IngestError") return error.message;
    throw error;
  }
  throw new Error("expected the ingest to fail with an IngestError");
}
