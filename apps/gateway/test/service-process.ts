import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterAll } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.js";

const gatewayDir = resolve(import.meta.dirname, "..");

export interface ServiceProcess {
  readonly child: ChildProcess;
  /** The GraphQL URL it logged when ready. */
  readonly url: string;
  /** Its log lines so far (pino JSON), and any other output lines as { text }. */
  readonly lines: Array<Record<string, any>>;
  readonly stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Waits until a log line matches, at most `timeoutMs`. */
  waitForLines(predicate: (line: Record<string, any>) => boolean, count?: number, timeoutMs?: number): Promise<void>;
}

function serviceEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, TSX_TSCONFIG_PATH: resolve(gatewayDir, "../../tsconfig.json"), HOST: "127.0.0.1", LOG_LEVEL: "info", ...env };
}

/** Runs `src/entry/<script>` to its end, as the CLI does, and returns its exit code and output. */
export function runCommand(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@hkhealth/source", `src/entry/${script}`], {
      cwd: gatewayDir,
      env: serviceEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("exit", (code) => done({ code, stdout, stderr }));
  });
}

/** A server's "… ready at <url>" log line. */
const readyAtUrl = (line: Record<string, any>) => typeof line.url === "string" && /ready at/.test(String(line.msg));

/**
 * Runs `src/entry/<script>` as the CLI does (node --import tsx, from source) with the environment
 * given on top of this one, and waits for its "… ready at <url>" log line (or the line `ready` matches).
 */
export async function startService(
  script: string,
  args: string[],
  env: Record<string, string>,
  readyTimeoutMs = 90_000,
  ready: (line: Record<string, any>) => boolean = readyAtUrl,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@hkhealth/source", `src/entry/${script}`, ...args], {
    cwd: gatewayDir,
    env: serviceEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Array<Record<string, any>> = [];
  const listeners = new Set<() => void>();
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const complete = pending.split("\n");
    pending = complete.pop() ?? "";
    for (const text of complete.filter(Boolean)) {
      try {
        lines.push(JSON.parse(text));
      } catch {
        lines.push({ text });
      }
    }
    for (const listener of listeners) listener();
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));

  const waitForLines: ServiceProcess["waitForLines"] = (predicate, count = 1, timeoutMs = 30_000) =>
    new Promise<void>((done, fail) => {
      const check = () => {
        if (lines.filter(predicate).length >= count) finish();
      };
      const timer = setTimeout(() => finish(new Error(`${script}: no such log line within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      const finish = (error?: Error) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) fail(error);
        else done();
      };
      void exited.then(() => setTimeout(() => finish(new Error(`${script} exited; stderr: ${stderr}`)), 50));
      listeners.add(check);
      check();
    });

  await waitForLines(ready, 1, readyTimeoutMs);
  const readyLine = lines.find(ready)!;
  return { child, url: String(readyLine.url ?? ""), lines, stderr: () => stderr, exited, waitForLines };
}

/**
 * Processes of a test file on scratch databases of a PostgreSQL server: after the file's tests
 * each is killed (SIGKILL: no graceful stop needed) and the databases dropped.
 */
export function servicesOnScratchDatabase(): { readonly services: ServiceProcess[]; createDatabase(serverUrl: string): Promise<ScratchDatabase> } {
  const services: ServiceProcess[] = [];
  const scratches: ScratchDatabase[] = [];
  afterAll(async () => {
    for (const service of services) service.child.kill("SIGKILL");
    await Promise.all(services.map((service) => service.exited));
    await Promise.all(scratches.map((scratch) => scratch.drop()));
  });
  return {
    services,
    async createDatabase(serverUrl) {
      const scratch = await createScratchDatabase(serverUrl);
      scratches.push(scratch);
      return scratch;
    },
  };
}
