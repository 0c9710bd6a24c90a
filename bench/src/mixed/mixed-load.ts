import { Agent, request } from "node:http";
import { summarise, type LoadFigures, type Round } from "../load/driver.js";
import type { ZipfSampler } from "./zipf.js";

/** What each connection sends: a Zipf-drawn variable set of one document. */
export interface MixedTarget {
  readonly url: string;
  /** The request body of each variable set, by rank. */
  readonly bodies: readonly string[];
  readonly sampler: ZipfSampler;
  /** Called with each 200 answer, its variable set and the value `stamp()` gave when it was sent. */
  readonly onAnswer?: (variableSet: number, body: string, stamp: number | null) => void;
  readonly stamp?: () => number | null;
}

/** POSTs one body on a keep-alive agent; resolves with the status and the whole body. */
export function post(url: URL, agent: Agent, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", accept: "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error("no answer in 30 s")));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/**
 * A closed loop on `connections` keep-alive connections for `seconds`: each connection sends its
 * next request as soon as its last one is answered (as autocannon does, which sends one body only).
 */
export async function runMixedRound(target: MixedTarget, connections: number, seconds: number): Promise<Round> {
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const until = started + seconds * 1_000;
  const connection = async () => {
    while (performance.now() < until) {
      const variableSet = target.sampler.next();
      const stamp = target.stamp?.() ?? null;
      const sent = performance.now();
      try {
        const answer = await post(url, agent, target.bodies[variableSet] ?? "");
        latencies.push(performance.now() - sent);
        if (answer.status === 200 && !answer.body.includes('"errors"')) {
          ok++;
          target.onAnswer?.(variableSet, answer.body, stamp);
        } else {
          errors++;
          firstError ??= `HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, connection));
  agent.destroy();
  const elapsed = (performance.now() - started) / 1_000;
  return { requestsPerSecond: ok / elapsed, latencies, errors, ...(firstError !== undefined && { firstError }) };
}

export function summariseMixed(rounds: readonly Round[]): LoadFigures {
  return summarise(rounds);
}
