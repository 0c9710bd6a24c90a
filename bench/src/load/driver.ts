import autocannon from "autocannon";
import type { LoadSettings } from "../scales.js";

/** One request, sent over and over by every connection. */
export interface LoadTarget {
  readonly url: string;
  readonly body: string;
}

export interface LoadFigures {
  /** Successful responses per second: the median of the rounds. */
  readonly requestsPerSecond: number;
  readonly requestsPerSecondByRound: readonly number[];
  /** Latency in milliseconds over every response of every round. */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly requests: number;
  /** Connection errors, timeouts, non-2xx responses and 200 responses carrying GraphQL errors. */
  readonly errors: number;
  readonly firstError?: string;
}

export interface Round {
  readonly requestsPerSecond: number;
  readonly latencies: number[];
  readonly errors: number;
  readonly firstError?: string;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Sends the target's request over `connections` connections for `seconds`; bounded in time, on one URL. */
export function runRound(target: LoadTarget, connections: number, seconds: number): Promise<Round> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let firstError: string | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections,
        duration: seconds,
        // A request that takes this long counts as an error; it also bounds the run.
        timeout: 30,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json" },
            body: target.body,
            onResponse: (status, body) => {
              if (status === 200 && body.includes('"errors"')) {
                graphqlErrors++;
                firstError ??= body.slice(0, 300);
              } else if (status !== 200) {
                firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          requestsPerSecond: result["2xx"] / result.duration,
          latencies,
          errors: result.errors + result.non2xx + graphqlErrors,
          ...(firstError !== undefined && { firstError }),
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** A warm-up, then `rounds` measured rounds at a fixed number of connections. */
export async function measureLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadFigures> {
  await runRound(target, settings.connections, settings.warmupSeconds);
  const rounds: Round[] = [];
  for (let index = 0; index < settings.rounds; index++) rounds.push(await runRound(target, settings.connections, settings.roundSeconds));
  return summarise(rounds);
}

/** The figures of measured rounds: median requests/s, latency percentiles over every response. */
export function summarise(rounds: readonly Round[]): LoadFigures {
  const latencies = rounds.flatMap((measured) => measured.latencies).sort((a, b) => a - b);
  const byRound = rounds.map((measured) => measured.requestsPerSecond);
  const sortedRates = [...byRound].sort((a, b) => a - b);
  const firstError = rounds.find((measured) => measured.firstError !== undefined)?.firstError;
  return {
    requestsPerSecond: median(sortedRates),
    requestsPerSecondByRound: byRound,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    mean: latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length),
    requests: latencies.length,
    errors: rounds.reduce((sum, measured) => sum + measured.errors, 0),
    ...(firstError !== undefined && { firstError }),
  };
}
