import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.js";
import { startService, type ServiceProcess } from "./service-process.js";

// SIGTERM under load: the gateway process (`pnpm start`) stops accepting, finishes every
// request in flight, closes the store and exits 0.

const serverUrl = process.env.DATABASE_URL;
const concurrent = 12;

let dataDir: string;
let scratch: ScratchDatabase | undefined;
let gateway: ServiceProcess;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "hkhealth-shutdown-"));
  scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  gateway = await startService("main.ts", [], {
    PORT: "0",
    LOG_LEVEL: "debug",
    SHUTDOWN_GRACE_MS: "60000",
    MAX_ALIASES: String(pages),
    MAX_COST: "1000000",
    ...(scratch ? { DATABASE_URL: scratch.url } : { DATABASE_URL: "", PGLITE_DATA_DIR: join(dataDir, "pglite") }),
  });
});
afterAll(async () => {
  gateway?.child.kill("SIGKILL");
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

// Heavy enough (limits raised for it) that requests are still running when the signal comes.
const pages = 4;
const catalogue = `query Catalogue {
  ${Array.from({ length: pages }, (_, page) => `page${page}: datasets(first: 100) { totalCount edges { node { id title(lang: ZH_HANT) agency { name profile { __typename } } releases { id status description } } } }`).join("\n  ")}
}`;

describe("SIGTERM under load", () => {
  it("stops being ready, finishes every request in flight, then refuses connections and exits 0", async () => {
    let signalledAt = Number.POSITIVE_INFINITY;
    const requests = Array.from({ length: concurrent }, async (_, index) => {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": `load-${index}` },
        body: JSON.stringify({ query: catalogue }),
      });
      const body = (await response.json()) as { data?: Record<string, { totalCount: number }>; errors?: unknown };
      return { status: response.status, body, afterSignal: Date.now() > signalledAt };
    });
    // Signal once the gateway is working on the batch (on PGlite it takes them one at a time).
    await gateway.waitForLines((line) => line.msg === "request received" && String(line.requestId).startsWith("load-"));
    signalledAt = Date.now();
    gateway.child.kill("SIGTERM");

    // No longer ready, at once: a load balancer sends nothing more.
    await gateway.waitForLines((line) => line.msg === "stopping: finishing requests in flight");
    const ready = await fetch(new URL("/ready", gateway.url));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "stopping" });

    const results = await Promise.all(requests);
    // Once those are answered, the gateway takes no new connection.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const late = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).then(
      () => "answered",
      (error: Error) => (error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.message,
    );
    expect(results.map((result) => result.status)).toEqual(Array(concurrent).fill(200));
    for (const result of results) {
      expect(result.body.errors).toBeUndefined();
      expect(Object.values(result.body.data ?? {}).map((page) => page.totalCount)).toEqual(Array(pages).fill(26));
    }
    // Some were still running when the signal came: they finished, none was cut.
    expect(results.filter((result) => result.afterSignal).length).toBeGreaterThan(0);
    expect(late).toBe("ECONNREFUSED");
    expect(await gateway.exited).toBe(0);
    expect(gateway.lines.some((line) => line.msg === "stopped")).toBe(true);
    expect(gateway.stderr()).toBe("");
  });
});
