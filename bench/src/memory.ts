import { readdirSync, readFileSync } from "node:fs";

/** Peak and current resident memory of a process, in MiB, from /proc (Linux). */
export interface ProcessMemory {
  readonly peakRssMiB: number;
  readonly rssMiB: number;
}

function statusField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

export function processMemory(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return { peakRssMiB: statusField(status, "VmHWM"), rssMiB: statusField(status, "VmRSS") };
  } catch {
    return undefined;
  }
}

/** The process and every process below it (a CLI that forks workers), by parent id. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  const visit = (id: number) => {
    tree.push(id);
    for (const child of parents.get(id) ?? []) visit(child);
  };
  visit(pid);
  return tree;
}

/** Peak RSS summed over a process tree (each process's own peak: an upper bound of the tree's peak). */
export function treeMemory(pid: number): ProcessMemory {
  let peakRssMiB = 0;
  let rssMiB = 0;
  for (const id of processTree(pid)) {
    const memory = processMemory(id);
    peakRssMiB += memory?.peakRssMiB ?? 0;
    rssMiB += memory?.rssMiB ?? 0;
  }
  return { peakRssMiB, rssMiB };
}
