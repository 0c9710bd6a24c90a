import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const gatewayDir = resolve(import.meta.dirname, "..");

function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@hkhealth/source", "src/entry/main.ts"],
      { cwd: gatewayDir, env: { ...process.env, TSX_TSCONFIG_PATH: resolve(gatewayDir, "../../tsconfig.json"), ...env } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => done({ code, stdout, stderr }));
  });
}

describe("starting the gateway", () => {
  it("exits non-zero with one line naming the database host, never its password, when it cannot be reached", async () => {
    const result = await runMain({ DATABASE_URL: "postgres://planner:s3cret-pw@127.0.0.1:1/catalogue", PORT: "0" });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Cannot reach the database at postgres://127.0.0.1:1/catalogue");
    expect(result.stderr).not.toContain("s3cret-pw");
    expect(result.stderr).not.toContain("planner");
  });

  it("exits non-zero naming the setting when the environment is invalid", async () => {
    const result = await runMain({ DATABASE_URL: "mysql://localhost/x", PORT: "0" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("Invalid environment: DATABASE_URL: must start with postgres:// or postgresql://");
  });
});
