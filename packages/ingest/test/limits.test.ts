import { afterEach, describe, expect, it } from "vitest";
import { ingestLimits } from "../src/limits.js";

const names = ["INGEST_MAX_RECORD_CHARACTERS", "INGEST_MAX_DOCUMENT_BYTES", "INGEST_MAX_NESTING"] as const;
const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of names) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("ingestLimits", () => {
  it("has defaults", () => {
    for (const name of names) delete process.env[name];
    expect(ingestLimits()).toEqual({ maxRecordCharacters: 1_000_000, maxDocumentBytes: 16_000_000, maxNesting: 32 });
  });

  it("reads the environment, and a request's own limits win", () => {
    process.env["INGEST_MAX_RECORD_CHARACTERS"] = "5000";
    process.env["INGEST_MAX_NESTING"] = "8";
    expect(ingestLimits({ maxNesting: 4 })).toEqual({ maxRecordCharacters: 5_000, maxDocumentBytes: 16_000_000, maxNesting: 4 });
  });

  it.each([
    ["INGEST_MAX_NESTING", "deep"],
    ["INGEST_MAX_DOCUMENT_BYTES", "-1"],
    ["INGEST_MAX_RECORD_CHARACTERS", "10"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    process.env[name] = value;
    expect(() => ingestLimits()).toThrow(new RegExp(`^Invalid environment: ${name}: `));
  });
});
