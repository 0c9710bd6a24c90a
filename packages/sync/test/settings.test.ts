import { readGatewayEnvironment, readSyncEnvironment, readSyncWorkerEnvironment } from "@hkhealth/config";
import { describe, expect, it } from "vitest";

describe("the sync's settings", () => {
  it("default to a scheduler on, 4 at once, a 15 s tick and a 60 s fetch; off under a test runner unless asked", () => {
    expect(readGatewayEnvironment({})).toMatchObject({ SYNC: true, SYNC_CONCURRENCY: 4, SYNC_TICK_MS: 15_000, SYNC_TIMEOUT_MS: 60_000 });
    expect(readSyncWorkerEnvironment({})).toMatchObject({ SYNC_CONCURRENCY: 4, SYNC_TICK_MS: 15_000, SYNC_TIMEOUT_MS: 60_000 });
    expect(readSyncEnvironment({})).toMatchObject({ SYNC_CONCURRENCY: 4, SYNC_TIMEOUT_MS: 60_000 });
    expect(readSyncEnvironment({}).SOURCES_MIRROR).toBeUndefined();
    expect(readGatewayEnvironment({ NODE_ENV: "test" }).SYNC).toBe(false);
    expect(readGatewayEnvironment({ NODE_ENV: "test", SYNC: "true" }).SYNC).toBe(true);
    expect(readGatewayEnvironment({ SYNC: "off" }).SYNC).toBe(false);
    expect(readSyncEnvironment({ SOURCES_MIRROR: "http://127.0.0.1:8080" }).SOURCES_MIRROR).toBe("http://127.0.0.1:8080");
  });

  it("refuse what they cannot use, naming the variable", () => {
    expect(() => readSyncEnvironment({ SOURCES_MIRROR: "127.0.0.1:8080" })).toThrow(/^Invalid environment: SOURCES_MIRROR: must be an http\(s\):\/\/ URL/);
    expect(() => readGatewayEnvironment({ SYNC: "maybe" })).toThrow(/^Invalid environment: SYNC: must be true or false$/);
    expect(() => readSyncEnvironment({ SYNC_CONCURRENCY: "0" })).toThrow(/^Invalid environment: SYNC_CONCURRENCY: /);
    expect(() => readSyncWorkerEnvironment({ SYNC_TICK_MS: "fast" })).toThrow(/^Invalid environment: SYNC_TICK_MS: /);
  });
});
