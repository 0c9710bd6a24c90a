import type { CheckOutcome } from "../run/outcome.js";

const count = new Intl.NumberFormat("en-US");

/** The line `pnpm sync` prints for a distribution: its dataset, its resource, what happened. */
export function outcomeLine(outcome: CheckOutcome): string {
  const { datasetId, resource } = outcome.target;
  const what = {
    changed: `changed (${count.format(outcome.records)} records)`,
    unchanged: "unchanged",
    failed: `failed: ${outcome.error ?? "no reason given"}`,
    skipped: "skipped: another process is checking it",
    interrupted: "interrupted: rolled back, nothing written",
  }[outcome.status];
  return `${datasetId} ${resource}: ${what}`;
}
