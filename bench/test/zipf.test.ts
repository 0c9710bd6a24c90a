import { describe, expect, it } from "vitest";
import { ZipfSampler } from "../src/mixed/zipf.js";
import { SeededRandom } from "../src/random.js";

function counts(sampler: ZipfSampler, draws: number): number[] {
  const seen = new Array<number>(sampler.size).fill(0);
  for (let index = 0; index < draws; index++) {
    const rank = sampler.next();
    seen[rank] = (seen[rank] ?? 0) + 1;
  }
  return seen;
}

describe("ZipfSampler", () => {
  it("draws ranks in range, each about as often as 1/(rank+1)^s says", () => {
    const size = 500;
    const draws = 200_000;
    const seen = counts(new ZipfSampler(size, 1, new SeededRandom(7)), draws);
    expect(seen.reduce((sum, count) => sum + count, 0)).toBe(draws);
    const harmonic = Array.from({ length: size }, (_, rank) => 1 / (rank + 1)).reduce((sum, weight) => sum + weight, 0);
    // Rank 0 has probability 1/H(500) (about 0.147), rank 1 half that, rank 9 a tenth.
    expect(seen[0]! / draws).toBeCloseTo(1 / harmonic, 2);
    expect(seen[1]! / draws).toBeCloseTo(1 / 2 / harmonic, 2);
    expect(seen[9]! / draws).toBeCloseTo(1 / 10 / harmonic, 2);
    // The long tail is asked for too.
    expect(seen.slice(250).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0.05 * draws);
  });

  it("is uniform at exponent 0 and the same for the same seed", () => {
    const seen = counts(new ZipfSampler(4, 0, new SeededRandom(1)), 40_000);
    for (const count of seen) expect(count / 40_000).toBeCloseTo(0.25, 1);
    const a = new ZipfSampler(50, 1.2, new SeededRandom(3));
    const b = new ZipfSampler(50, 1.2, new SeededRandom(3));
    expect(Array.from({ length: 100 }, () => a.next())).toEqual(Array.from({ length: 100 }, () => b.next()));
  });

  it("refuses a size or exponent it cannot draw from", () => {
    expect(() => new ZipfSampler(0, 1, new SeededRandom(1))).toThrow(/size must be a positive integer, got 0/);
    expect(() => new ZipfSampler(10, -1, new SeededRandom(1))).toThrow(/exponent must be >= 0, got -1/);
  });
});
