import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Ctrl-C in a terminal sends SIGINT to the whole foreground process group: pnpm, every shell
// and tsx between it and node, and node itself. These run the commands a person types, the way
// a terminal does, and check that a clean stop looks clean: exit status 0 and no pnpm error.
const repositoryRoot = resolve(import.meta.dirname, "../../..");
const dataDir = mkdtempSync(join(tmpdir(), "hkhealth-ctrl-c-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs `pnpm <args>` in a process group of its own; resolves with the URL it logs as ready, and a way to press Ctrl-C. */
function runInTerminal(args: string[], env: Record<string, string>) {
  const child = spawn("pnpm", args, {
    cwd: repositoryRoot,
    detached: true,
    env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: join(dataDir, "pglite"), HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const readyListeners = new Set<(url: string) => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    const url = /ready at (http:\/\/\S+?)\/graphql/.exec(output)?.[1];
    if (url) for (const listener of readyListeners) listener(url);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const finished = new Promise<Finished>((done) => child.once("close", (code, signal) => done({ code, signal, output })));
  const ready = new Promise<string>((done, fail) => {
    readyListeners.add(done);
    void finished.then(() => fail(new Error(`pnpm ${args.join(" ")} ended before it was ready:\n${output}`)));
  });
  const pressCtrlC = () => process.kill(-child.pid!, "SIGINT");
  return { ready, finished, pressCtrlC };
}

async function waitForHealth(origin: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${origin}/health`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((next) => setTimeout(next, 200));
  }
}

const commands: Array<{ command: string; args: string[]; env: Record<string, string> }> = [
  { command: "pnpm start", args: ["start"], env: { PORT: "0" } },
  { command: "pnpm start:subgraph plan", args: ["start:subgraph", "plan"], env: { SUBGRAPH_PORT: "0" } },
];

// One database is enough: what is under test is the chain of processes, not the store.
describe.skipIf(Boolean(process.env["DATABASE_URL"]))("Ctrl-C in a terminal (runs on PGlite only)", () => {
  it.each(commands)("$command stops cleanly, exits 0 and prints no pnpm error", { timeout: 300_000 }, async ({ args, env }) => {
    const terminal = runInTerminal(args, env);
    const url = await terminal.ready;
    await waitForHealth(url);
    terminal.pressCtrlC();
    const { code, signal, output } = await terminal.finished;
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain("ERR_PNPM");
    expect(output).not.toContain("ELIFECYCLE");
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});
