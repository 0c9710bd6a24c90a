/** How much data a run generates and how long it drives load at each step. */
export interface Scale {
  readonly name: ScaleName;
  /** Synthetic records in all: about two thirds A&E snapshots, the rest the wide dataset. */
  readonly records: number;
  readonly load: LoadSettings;
}

export interface LoadSettings {
  /** Seconds of load before measuring, per operation and configuration. */
  readonly warmupSeconds: number;
  /** Measured rounds per operation and configuration. */
  readonly rounds: number;
  readonly roundSeconds: number;
  /** Open connections (autocannon's concurrency), the same for every configuration. */
  readonly connections: number;
}

export type ScaleName = "ci" | "100k" | "1m";

const measured: LoadSettings = { warmupSeconds: 3, rounds: 3, roundSeconds: 5, connections: 10 };

export const scales: Readonly<Record<ScaleName, Scale>> = {
  // CI only checks the harness keeps working: short rounds, figures not meant to be read.
  ci: { name: "ci", records: 1_000, load: { warmupSeconds: 0.5, rounds: 2, roundSeconds: 1, connections: 10 } },
  "100k": { name: "100k", records: 100_000, load: measured },
  "1m": { name: "1m", records: 1_000_000, load: measured },
};

export function isScaleName(value: string): value is ScaleName {
  return Object.hasOwn(scales, value);
}
