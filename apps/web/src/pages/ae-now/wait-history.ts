import { AeHistoryDocument } from "@hkhealth/client";
import { client } from "../../lib/client.js";

export interface WaitPoint {
  /** As the feed gives it, in Hong Kong time with its offset. */
  readonly observedAt: string;
  readonly minutes: number;
}

/** Pages read for the by-hour chart at most (1000 snapshots each): ten weeks of 15-minute snapshots. */
const MAX_PAGES = 10;

/** One hospital's waits (triage 3 median, else the older feed's top wait) from `from` on, oldest first. */
export async function loadWaitHistory(hospitalId: string, window: { from?: string; to?: string }): Promise<WaitPoint[]> {
  const points: WaitPoint[] = [];
  let after: string | null | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await client.request(AeHistoryDocument, { hospitalId, feedLang: "EN", from: window.from, to: window.to, first: 1000, after });
    const view = data.dataset?.view;
    if (!view || !("history" in view)) break;
    for (const { node } of view.history.edges) {
      const minutes = node.triage3Median?.minutes ?? node.topWait?.minutes;
      if (minutes != null) points.push({ observedAt: node.observedAt, minutes });
    }
    if (!view.history.pageInfo.hasNextPage) break;
    after = view.history.pageInfo.endCursor;
  }
  return points;
}

/** Median of the waits in each hour of the day (0–23, Hong Kong time, read from the instant's own offset). */
export function medianByHour(points: readonly WaitPoint[]): (number | undefined)[] {
  const hours: number[][] = Array.from({ length: 24 }, () => []);
  for (const point of points) hours[Number(point.observedAt.slice(11, 13))]?.push(point.minutes);
  return hours.map((values) => {
    if (values.length === 0) return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
  });
}
