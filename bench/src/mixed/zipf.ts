import type { SeededRandom } from "../random.js";

/**
 * Ranks 0..size-1 drawn with probability proportional to 1 / (rank + 1)^exponent: a few
 * variable sets asked for most of the time, a long tail asked for rarely, as public traffic is.
 */
export class ZipfSampler {
  readonly #cumulative: Float64Array;

  constructor(
    readonly size: number,
    readonly exponent: number,
    private readonly random: SeededRandom,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`ZipfSampler: size must be a positive integer, got ${size}`);
    if (!(exponent >= 0)) throw new Error(`ZipfSampler: exponent must be >= 0, got ${exponent}`);
    this.#cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank++) this.#cumulative[rank] = sum += 1 / (rank + 1) ** exponent;
    for (let rank = 0; rank < size; rank++) this.#cumulative[rank] = (this.#cumulative[rank] ?? 0) / sum;
  }

  /** A rank in [0, size): the first whose cumulative probability exceeds a uniform draw. */
  next(): number {
    const draw = this.random.next();
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#cumulative[middle] ?? 1) > draw) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
