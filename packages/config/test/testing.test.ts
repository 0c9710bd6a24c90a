import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// The shared folder is read from the environment when the module loads: load it afresh per case.
async function loadWith(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return import("../src/testing.js");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("sharedFiles", () => {
  it("gives the paths under SHARED_DIR and the suite's own name when the files are there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shared-"));
    mkdirSync(join(dir, "fixtures"));
    writeFileSync(join(dir, "fixtures/SOURCES.md"), "");
    const { sharedFiles } = await loadWith({ SHARED_DIR: dir, CI: "" });
    const files = sharedFiles("fixtures/SOURCES.md");
    expect(files.present).toBe(true);
    expect(files.path("fixtures/a.csv")).toBe(join(dir, "fixtures/a.csv"));
    expect(files.title("real files")).toBe("real files");
  });

  it("names what is missing in the title of a skipped suite, off CI", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shared-"));
    const { sharedFiles, skippedForSharedFiles } = await loadWith({ SHARED_DIR: dir, CI: "false" });
    const files = sharedFiles("fixtures/SOURCES.md");
    expect(files.present).toBe(false);
    expect(files.title("real files")).toBe(`real files (skipped: ${dir}/fixtures/SOURCES.md not found; set SHARED_DIR)`);
    expect(skippedForSharedFiles(files.title("real files"))).toBe(true);
    expect(skippedForSharedFiles("real files")).toBe(false);
    expect((await loadWith({ SHARED_DIR: "/nonexistent" })).sharedFiles().title("x")).toBe("x (skipped: /nonexistent not found; set SHARED_DIR)");
  });

  it("throws on CI when a file is missing, naming it", async () => {
    const { sharedFiles } = await loadWith({ SHARED_DIR: "/nonexistent", CI: "true" });
    expect(() => sharedFiles("plan/plan.txt")).toThrow("/nonexistent not found: CI needs the real published files (set SHARED_DIR");
  });
});
