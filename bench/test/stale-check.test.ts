import { describe, expect, it } from "vitest";
import { sameData, StaleCheck } from "../src/mixed/stale-check.js";

const answer = (rows: unknown) => JSON.stringify({ data: { dataset: { records: rows } } });

describe("sameData", () => {
  it("compares the data of two answers, not their bytes", () => {
    expect(sameData(answer([1, 2]), `${answer([1, 2])}\n`)).toBe(true);
    expect(sameData(JSON.stringify({ data: { a: 1 }, extensions: { x: 1 } }), JSON.stringify({ data: { a: 1 } }))).toBe(true);
    expect(sameData(answer([1, 2]), answer([0, 1]))).toBe(false);
    expect(sameData(JSON.stringify({ data: null, errors: [{ message: "x" }] }), JSON.stringify({ data: null, errors: [{ message: "x" }] }))).toBe(false);
    expect(sameData("not json", answer([]))).toBe(false);
  });
});

describe("StaleCheck", () => {
  it("counts an answer that differs from the reference of its version as stale", async () => {
    let current = answer(["old"]);
    const check = new StaleCheck(async () => current);
    check.ingestStarting();
    current = answer(["new", "old"]);
    check.ingestCommitted();
    const sentIn = check.current;
    await check.check(sentIn, 1, answer(["old"])); // kept past the commit
    await check.check(sentIn, 1, answer(["new", "old"]));
    expect(check.figures()).toMatchObject({ checked: 2, stale: 1, unchecked: 0 });
    expect(check.figures().firstStale).toMatch(/variable set 1: got .*old/);
  });

  it("does not compare answers sent before the first commit, during an ingest, or received after the next one began", async () => {
    const check = new StaleCheck(async () => answer([]));
    expect(check.current).toBeNull();
    await check.check(check.current, 0, answer(["anything"]));
    check.ingestCommitted();
    const sentIn = check.current;
    check.ingestStarting();
    expect(check.current).toBeNull();
    await check.check(sentIn, 0, answer(["anything"]));
    expect(check.figures()).toEqual({ checked: 0, stale: 0, unchecked: 2 });
  });

  it("drops a reference that came back after the version changed, and fetches one per version and set", async () => {
    let fetches = 0;
    let release: (() => void) | undefined;
    const check = new StaleCheck(async () => {
      fetches++;
      if (fetches === 1) await new Promise<void>((resolve) => (release = resolve));
      return answer(["x"]);
    });
    check.ingestCommitted();
    const first = check.check(check.current, 2, answer(["x"]));
    check.ingestStarting();
    check.ingestCommitted();
    release?.();
    await first;
    expect(check.figures()).toMatchObject({ checked: 0, unchecked: 1 });
    const sentIn = check.current;
    await Promise.all([check.check(sentIn, 2, answer(["x"])), check.check(sentIn, 2, answer(["x"]))]);
    expect(fetches).toBe(2);
    expect(check.figures()).toMatchObject({ checked: 2, stale: 0 });
  });

  it("compares at most referencesPerVersion variable sets per version", async () => {
    const check = new StaleCheck(async () => answer([]), 2);
    check.ingestCommitted();
    const sentIn = check.current;
    for (const set of [0, 1, 2, 0]) await check.check(sentIn, set, answer([]));
    expect(check.figures()).toEqual({ checked: 3, stale: 0, unchecked: 1 });
  });
});
