import { describe, expect, it } from "vitest";
import type { FillReport } from "../src/fill/fill-store.js";
import type { LoadFigures } from "../src/load/driver.js";
import { typedFloorRatios, type BenchResults } from "../src/report.js";
import { medianExecutionMs } from "../src/sql-counts.js";

const figures = (p50: number) => ({ p50, sameAnswer: true, errors: 0 }) as unknown as LoadFigures & { sameAnswer: boolean };

const fill = (typedRecordsPerSecond?: number): FillReport => ({
  seed: 1,
  generation: { files: 1, records: 100, seconds: 1 },
  ingest: { all: { records: 100, seconds: 1, recordsPerSecond: 100 } },
  ...(typedRecordsPerSecond && { typedCopy: { all: { records: 100, seconds: 1, recordsPerSecond: typedRecordsPerSecond } } }),
  realFiles: [],
});

describe("typedFloorRatios", () => {
  it("compares the not-shared gateway's p50 with the typed floor's, the statements' medians and ingest with the typed \\copy", () => {
    const results: BenchResults["configurations"] = {
      "gateway-in-process-uncached": { label: "1d", operations: { recordPage: figures(3), aedHistory: figures(10) } },
      "typed-floor": { label: "7", operations: { recordPage: figures(2), aedHistory: figures(2) } },
    };
    const ratios = typedFloorRatios(results, fill(150), { ours: { recordPage: 0.5, aedHistory: 4 }, typed: { recordPage: 0.25, aedHistory: 1 } }, "100k");
    expect(ratios.map((ratio) => [ratio.value, ratio.target, ratio.met])).toEqual([
      [1.5, "<= 2", true],
      [5, "<= 2", false],
      [2, "<= 3", true],
      [4, "<= 3", false],
      [100 / 150, ">= 0.5", true],
    ]);
  });

  it("has no value where the typed floor did not run (PGlite)", () => {
    const ratios = typedFloorRatios({}, fill(), { ours: { recordPage: 0.5 } }, "ci");
    expect(ratios.every((ratio) => ratio.value === null && ratio.met === null)).toBe(true);
  });
});

describe("medianExecutionMs", () => {
  it("takes the median of seven EXPLAIN ANALYZE execution times after a warm-up run", async () => {
    const times = [0, 7, 1, 6, 2, 5, 3, 4];
    const ms = await medianExecutionMs(async () => [{ "QUERY PLAN": "Seq Scan" }, { "QUERY PLAN": `Execution Time: ${times.shift()}.000 ms` }]);
    expect(ms).toBe(4);
    expect(times).toEqual([]);
  });
});
