import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { treeMemory, type ProcessMemory } from "./memory.js";

export const benchDir = resolve(import.meta.dirname, "..");
export const repositoryRoot = resolve(benchDir, "..");
const watchdog = join(benchDir, "src/servers/parent-watchdog.mjs");

export interface ServerSpec {
  /** Short name for logs: "monolith", "subgraph-plan"... */
  readonly name: string;
  /** A TypeScript entry point run from source, or a JavaScript file (a package's CLI). */
  readonly script: string;
  readonly args?: readonly string[];
  /** Added to the harness's environment; an undefined value removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** POSTed `{ __typename }` until it answers 200; or GET for plain HTTP servers. */
  readonly readiness: { readonly url: string; readonly method: "graphql" | "get" };
}

export interface RunningServer {
  readonly name: string;
  readonly pid: number;
  readonly logPath: string;
  memory(): ProcessMemory;
  /** Starts a CPU profile in the server (through the watchdog preloaded in it). */
  startProfile(): void;
  /** Stops it and writes it to `path` (a .cpuprofile file Chrome DevTools opens). */
  stopProfile(path: string): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

// Whatever happens to the harness (an error, Ctrl-C, a kill), its servers do not outlive it.
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts a server as a child process with its output in `logDir`, and waits until it answers.
 * TypeScript runs from source through tsx (as `pnpm start` does), so each figure includes the
 * same code the repository runs.
 */
export async function startServer(spec: ServerSpec, logDir: string, timeoutMs = 120_000): Promise<RunningServer> {
  const logPath = join(logDir, `${spec.name}.log`);
  const log = openSync(logPath, "a");
  const typescript = spec.script.endsWith(".ts");
  const nodeArgs = [
    "--import",
    watchdog,
    ...(typescript ? ["--conditions=@hkhealth/source", "--import", "tsx"] : []),
    spec.script,
    ...(spec.args ?? []),
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", TSX_TSCONFIG_PATH: join(repositoryRoot, "tsconfig.json"), ...spec.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: benchDir,
    env,
    stdio: ["ignore", log, log, "ipc"],
  });
  closeSync(log);
  running.add(child);
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  child.once("exit", () => running.delete(child));

  const server: RunningServer = {
    name: spec.name,
    pid: child.pid ?? -1,
    logPath,
    memory: () => treeMemory(child.pid ?? -1),
    startProfile: () => {
      child.send({ type: "bench:profile-start" });
    },
    stopProfile: (path) =>
      new Promise((resolveProfile, reject) => {
        const timer = setTimeout(() => reject(new Error(`${spec.name} wrote no profile within 30 s`)), 30_000);
        const onMessage = (message: { type?: string; path?: string; error?: string }) => {
          if (message?.type !== "bench:profile-written" || message.path !== path) return;
          clearTimeout(timer);
          child.off("message", onMessage);
          if (message.error) reject(new Error(message.error));
          else resolveProfile();
        };
        child.on("message", onMessage);
        child.send({ type: "bench:profile-stop", path });
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${spec.name} exited (${child.exitCode ?? child.signalCode}) before it was ready; its log:\n${tail(logPath)}`);
    }
    if (await answers(spec.readiness)) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${spec.name} was not ready after ${timeoutMs / 1000} s; its log:\n${tail(logPath)}`);
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
}

async function answers(readiness: ServerSpec["readiness"]): Promise<boolean> {
  try {
    const response =
      readiness.method === "get"
        ? await fetch(readiness.url, { signal: AbortSignal.timeout(2_000) })
        : await fetch(readiness.url, {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json" },
            body: JSON.stringify({ query: "{ __typename }" }),
            signal: AbortSignal.timeout(2_000),
          });
    return response.ok;
  } catch {
    return false;
  }
}

/** The last lines of a log, for an error message. */
export function tail(path: string, lines = 30): string {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Stops every server still running (on error or Ctrl-C). */
export async function stopAllServers(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolveStop) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
          child.once("exit", () => resolveStop());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
        }),
    ),
  );
}
