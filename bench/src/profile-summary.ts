import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { repositoryRoot } from "./children.js";

/** Where one server spent its CPU while it ran, by package (self time). */
export interface ProfileSummary {
  readonly seconds: number;
  /** Share of the time the process waited (on the database, on subgraphs, for requests). */
  readonly idlePercent: number;
  readonly top: ReadonlyArray<{ readonly where: string; readonly percent: number }>;
}

interface CpuProfile {
  readonly nodes: ReadonlyArray<{ readonly id: number; readonly callFrame: { readonly url: string; readonly functionName: string } }>;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** "@prisma/client", "packages/store/src", "node:internal/modules", "(garbage collector)". */
function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const inPackage = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inPackage?.[1]) return inPackage[1];
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  const inRepository = url.replace(/^file:\/\//, "").replace(`${repositoryRoot}/`, "");
  return inRepository.split("/").slice(0, 3).join("/");
}

function summarise(profile: CpuProfile): ProfileSummary {
  const placeById = new Map(profile.nodes.map((node) => [node.id, placeOf(node.callFrame.url, node.callFrame.functionName)]));
  const byPlace = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const place = placeById.get(id) ?? "?";
    byPlace.set(place, (byPlace.get(place) ?? 0) + delta);
  });
  const idle = byPlace.get("(idle)") ?? 0;
  byPlace.delete("(idle)");
  const busy = Math.max(1, total - idle);
  return {
    seconds: total / 1e6,
    idlePercent: (100 * idle) / Math.max(1, total),
    // Shares of the busy time: what to make cheaper.
    top: [...byPlace]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([where, time]) => ({ where, percent: (100 * time) / busy })),
  };
}

/** Summaries of every profile in a folder, by server name. */
export function summariseProfiles(dir: string): Record<string, ProfileSummary> {
  if (!existsSync(dir)) return {};
  const summaries: Record<string, ProfileSummary> = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))) {
    summaries[basename(file, ".cpuprofile")] = summarise(JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile);
  }
  return summaries;
}

export function formatProfiles(summaries: Readonly<Record<string, ProfileSummary>>): string {
  return Object.entries(summaries)
    .map(
      ([server, summary]) =>
        `${server}: ${summary.seconds.toFixed(0)} s profiled, ${summary.idlePercent.toFixed(0)}% idle; busy time by place:\n` +
        summary.top.map((entry) => `  ${entry.percent.toFixed(1).padStart(5)}%  ${entry.where}`).join("\n"),
    )
    .join("\n");
}

/** Runs `work` under a CPU profile of this process, writing it to `path` (for the ingest). */
export async function profiled<T>(path: string, work: () => Promise<T>): Promise<T> {
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(path, JSON.stringify(profile));
    session.disconnect();
  }
}
