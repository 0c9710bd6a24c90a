import { UpdateFrequency } from "@hkhealth/plan";
import { describe, expect, it } from "vitest";
import { backoffMs, checkPeriodMs, jittered } from "../src/schedule/periods.js";

const minute = 60_000;

describe("how often a distribution is checked", () => {
  it("follows its dataset's update frequency", () => {
    expect(checkPeriodMs[UpdateFrequency.EVERY_15_MINUTES]).toBe(15 * minute);
    expect(checkPeriodMs[UpdateFrequency.WEEKLY]).toBe(7 * 24 * 60 * minute);
    expect(checkPeriodMs[UpdateFrequency.QUARTERLY]).toBe(91 * 24 * 60 * minute);
    expect(checkPeriodMs[UpdateFrequency.AS_NEEDED]).toBe(24 * 60 * minute);
  });

  it("stretches or shrinks each period by at most 10%, by the randomness given", () => {
    const period = 15 * minute;
    expect(jittered(period, () => 0)).toBe(0.9 * period);
    expect(jittered(period, () => 0.5)).toBe(period);
    expect(jittered(period, () => 0.999_999)).toBeLessThanOrEqual(1.1 * period);
    for (let draw = 0; draw < 1_000; draw++) {
      const value = jittered(period, Math.random);
      expect(value).toBeGreaterThanOrEqual(0.9 * period);
      expect(value).toBeLessThanOrEqual(1.1 * period);
    }
  });

  it("backs off 30 s after a failure, doubling with each further one, never beyond the period", () => {
    expect([1, 2, 3, 4].map((failures) => backoffMs(failures, 15 * minute))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(6, 15 * minute)).toBe(15 * minute);
    expect(backoffMs(500, 15 * minute)).toBe(15 * minute);
  });
});
