import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.js";
import { runCommand, startService, type ServiceProcess } from "./service-process.js";

// SIGTERM under a steady stream of requests on kept-alive connections, for the gateway
// (`pnpm start`) and for a subgraph service (`pnpm start:subgraph plan`): the listener closes at
// once (new connections are refused), every request the process had accepted is answered in
// full (those arriving on a kept-alive connection with `Connection: close`), then it exits 0.

const serverUrl = process.env.DATABASE_URL;
const connections = 6;

let dataRoot: string;
let scratch: ScratchDatabase | undefined;

function databaseEnv(name: string): Record<string, string> {
  return scratch ? { DATABASE_URL: scratch.url } : { DATABASE_URL: "", PGLITE_DATA_DIR: join(dataRoot, name) };
}

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), "hkhealth-shutdown-"));
  scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  if (scratch) {
    // Subgraph services on a server expect the database prepared beforehand.
    const prepared = await runCommand("prepare-database.ts", databaseEnv("prepared"));
    if (prepared.code !== 0) throw new Error(`prepare:database failed: ${prepared.stderr}`);
  }
});
afterAll(async () => {
  await scratch?.drop();
  rmSync(dataRoot, { recursive: true, force: true });
});

const catalogue = `query Catalogue { datasets(first: 100) { totalCount edges { node { id title(lang: ZH_HANT) releases { id status description } } } } }`;

type Outcome =
  | { kind: "answer"; status: number; connection: string | undefined; totalCount: number | undefined; afterSignal: boolean }
  | { kind: "failure"; code: string };

/** One POST on `agent`; a failure is its error code (ECONNREFUSED, ECONNRESET…), never thrown. */
function post(url: URL, agent: Agent, signalled: () => boolean): Promise<Outcome> {
  return new Promise((done) => {
    const outgoing = request(url, { method: "POST", agent, headers: { "content-type": "application/json" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error: NodeJS.ErrnoException) => done({ kind: "failure", code: error.code ?? error.message }));
      response.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data?: { datasets: { totalCount: number } }; errors?: unknown };
        const totalCount = body.errors === undefined ? body.data?.datasets.totalCount : undefined;
        done({ kind: "answer", status: response.statusCode!, connection: response.headers.connection, totalCount, afterSignal: signalled() });
      });
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) => done({ kind: "failure", code: error.code ?? error.message }));
    outgoing.end(JSON.stringify({ query: catalogue }));
  });
}

/** Whether a new TCP connection to `url` is taken or refused. */
function tryConnect(url: URL): Promise<string> {
  return new Promise((done) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.once("connect", () => {
      socket.destroy();
      done("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

const services: Array<{ name: string; start: () => Promise<ServiceProcess> }> = [
  {
    name: "the gateway",
    // The stream comes from one address, past any rate limit: measured without them.
    start: () => startService("main.ts", [], { PORT: "0", LOG_LEVEL: "debug", RATE_LIMIT_REQUESTS: "0", RATE_LIMIT_COST: "0", ...databaseEnv("gateway") }),
  },
  {
    name: "a subgraph service",
    start: () => startService("start-subgraph.ts", ["plan"], { SUBGRAPH_PORT: "0", LOG_LEVEL: "debug", ...databaseEnv("plan") }),
  },
];

describe.each(services)("SIGTERM under a steady stream on kept-alive connections: $name", ({ start }) => {
  it("refuses new connections at once, answers every request it accepted in full, and exits 0", { timeout: 180_000 }, async () => {
    const service = await start();
    try {
      const url = new URL(service.url);
      const agent = new Agent({ keepAlive: true, maxSockets: connections });
      let signalled = false;
      let warm = 0;
      // Each stream sends its next request as soon as the last is answered, until one fails.
      const streams = Array.from({ length: connections }, async () => {
        const outcomes: Outcome[] = [];
        for (;;) {
          const outcome = await post(url, agent, () => signalled);
          outcomes.push(outcome);
          if (outcomes.length === 1) warm++;
          if (outcome.kind === "failure" || outcomes.length > 10_000) return outcomes;
        }
      });
      // Every connection open and in use before the signal.
      await expect.poll(() => warm, { timeout: 60_000, interval: 20 }).toBe(connections);
      signalled = true;
      service.child.kill("SIGTERM");

      await service.waitForLines((line) => line.msg === "stopping: no longer accepting connections, finishing requests in flight");
      expect(await tryConnect(url)).toBe("ECONNREFUSED");

      const outcomes = await Promise.all(streams);
      agent.destroy();
      for (const stream of outcomes) {
        const answers = stream.slice(0, -1);
        // Each stream ends when its connection was closed after an answer and a new one was refused.
        expect(stream.at(-1)).toEqual({ kind: "failure", code: "ECONNREFUSED" });
        for (const answer of answers) expect(answer).toMatchObject({ kind: "answer", status: 200, totalCount: 26 });
        // Only the last answer closes the connection.
        expect(answers.slice(0, -1).every((answer) => answer.kind === "answer" && answer.connection !== "close")).toBe(true);
        expect(answers.at(-1)).toMatchObject({ connection: "close", afterSignal: true });
      }
      expect(await service.exited).toBe(0);
      expect(service.lines.some((line) => line.msg === "stopped")).toBe(true);
      expect(service.lines.some((line) => String(line.msg).includes("cut"))).toBe(false);
      expect(service.stderr()).toBe("");
    } finally {
      service.child.kill("SIGKILL");
    }
  });
});

describe("SIGTERM with a request running past SHUTDOWN_GRACE_MS", () => {
  it("cuts it at the end of the grace period, logs it, and exits 0", { timeout: 180_000 }, async () => {
    // A subgraph service that takes connections and never answers.
    const held = new Set<Socket>();
    const blackHole = createServer((socket) => held.add(socket.on("error", () => {})));
    await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
    const subgraphUrl = `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/graphql`;
    const service = await startService("main.ts", [], {
      PORT: "0",
      LOG_LEVEL: "debug",
      SHUTDOWN_GRACE_MS: "1000",
      SUBGRAPH_TIMEOUT_MS: "600000",
      SUBGRAPH_URLS: `hospital-authority=${subgraphUrl}`,
      ...databaseEnv("held"),
    });
    try {
      const url = new URL(service.url);
      const agent = new Agent({ keepAlive: true });
      const stuck = new Promise<string>((done) => {
        const outgoing = request(url, { method: "POST", agent, headers: { "content-type": "application/json" } }, (response) => {
          response.resume();
          response.on("end", () => done("answered"));
          response.on("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
        });
        outgoing.on("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
        outgoing.end(JSON.stringify({ query: "{ hospitals { name } }" }));
      });
      await expect.poll(() => held.size, { timeout: 30_000, interval: 20 }).toBeGreaterThan(0);
      service.child.kill("SIGTERM");

      expect(await service.exited).toBe(0);
      expect(await stuck).toMatch(/^(ECONNRESET|socket hang up)$/);
      const cut = service.lines.find((line) => String(line.msg).startsWith("stopping: grace period over"));
      expect(cut).toMatchObject({ level: "warn", cut: [{ method: "POST", url: "/graphql", runningMs: expect.any(Number) }] });
      expect(service.lines.some((line) => line.msg === "stopped")).toBe(true);
      agent.destroy();
    } finally {
      service.child.kill("SIGKILL");
      for (const socket of held) socket.destroy();
      blackHole.close();
    }
  });
});
