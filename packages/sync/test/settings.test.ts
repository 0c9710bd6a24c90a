import { readEnvironment } from "@hkhealth/config";
import { describe, expect, it } from "vitest";

describe("the sync's settings", () => {
  it("default to a scheduler on, 4 at once, a 15 s tick and a 60 s fetch; off under a test runner unless asked", () => {
    expect(readEnvironment({})).toMatchObject({ SYNC: true, SYNC_CONCURRENCY: 4, SYNC_TICK_MS: 15_000, SYNC_TIMEOUT_MS: 60_000 });
    expect(readEnvironment({}).SOURCES_MIRROR).toBeUndefined();
    expect(readEnvironment({ NODE_ENV: "test" }).SYNC).toBe(false);
    expect(readEnvironment({ NODE_ENV: "test", SYNC: "true" }).SYNC).toBe(true);
    expect(readEnvironment({ SYNC: "off" }).SYNC).toBe(false);
    expect(readEnvironment({ SOURCES_MIRROR: "http://127.0.0.1:8080" }).SOURCES_MIRROR).toBe("http://127.0.0.1:8080");
  });

  it("refuse what they cannot use, naming the variable", () => {
    expect(() => readEnvironment({ SOURCES_MIRROR: "127.0.0.1:8080" })).toThrow(/^Invalid environment: SOURCES_MIRROR: must be an http\(s\):\/\/ URL/);
    expect(() => readEnvironment({ SYNC: "maybe" })).toThrow(/^Invalid environment: SYNC: must be true or false$/);
    expect(() => readEnvironment({ SYNC_CONCURRENCY: "0" })).toThrow(/^Invalid environment: SYNC_CONCURRENCY: /);
    expect(() => readEnvironment({ SYNC_TICK_MS: "fast" })).toThrow(/^Invalid environment: SYNC_TICK_MS: /);
  });
});
