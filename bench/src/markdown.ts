// `pnpm --filter @hkhealth/bench markdown <results.json>`: one run's figures as the Markdown
// tables of BENCHMARKS.md, so the document shows what a run printed, not figures typed by hand.
import { readFileSync } from "node:fs";
import { computeRatios, fixed, type BenchResults } from "./report.js";

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const align = header.map((_, column) => (numeric[column] ? "---:" : "---"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export function markdownReport(results: BenchResults): string {
  const parts: string[] = [
    `Run ${results.startedAt.slice(0, 16)}–${results.finishedAt.slice(11, 16)} UTC, \`${results.command}\`, ${String(results.machine.database).split(" on ")[0]}; ` +
      `${results.load.connections} connections, ${results.load.warmupSeconds} s warm-up, ${results.load.rounds} × ${results.load.roundSeconds} s rounds.`,
  ];
  for (const [name, result] of Object.entries(results.configurations)) {
    if (!result) continue;
    const memory = result.memory ? `peak RSS ${fixed(result.memory.peakRssMiB, 0)} MiB` : "";
    const subgraphs = result.subgraphMemory ? ` (+ subgraph services ${fixed(result.subgraphMemory.peakRssMiB, 0)} MiB, shared by the HTTP configurations)` : "";
    const ready = result.startSeconds ? `, ready in ${fixed(result.startSeconds)} s` : "";
    parts.push(`**${result.label}** (\`${name}\`): ${result.error ? `FAILED: ${result.error}` : `${memory}${subgraphs}${ready}`}`);
    if (result.error) continue;
    const rows = Object.entries(result.operations).map(([operation, figures]) => [
      operation,
      fixed(figures.requestsPerSecond),
      fixed(figures.p50),
      fixed(figures.p95),
      fixed(figures.p99),
      String(figures.errors),
      figures.sameAnswer ? "yes" : "**no**",
    ]);
    parts.push(table(["operation", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "same data"], rows, [false, true, true, true, true, true, false]));
  }
  if (results.mixed) {
    const { mixed } = results;
    parts.push(
      `**Mixed workload** (${mixed.variableSets} record-page variable sets, Zipf s=${mixed.zipfExponent}, a file ingested into the wide dataset every ${mixed.ingestIntervalSeconds} s: ` +
        `${mixed.ingest.ingests} ingests, ${fixed(mixed.ingest.meanSeconds, 2)} s each)`,
    );
    const row = (name: string, figures: typeof mixed.cached) => [name, fixed(figures.requestsPerSecond), fixed(figures.p50), fixed(figures.p95), fixed(figures.p99), String(figures.errors)];
    parts.push(
      table(
        ["configuration", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"],
        [row("1c cached", mixed.cached), row("1d uncached", mixed.uncached)],
        [false, true, true, true, true, true],
      ),
    );
    parts.push(`Stale check: ${mixed.stale.checked} answers of 1c compared with 1d's answer of the same version, **${mixed.stale.stale} stale**, ${mixed.stale.unchecked} not compared.`);
  }
  // Recomputed, so a results file written before a ratio was added shows it too.
  const ratios = computeRatios(results.configurations, results.fill, results.statements, results.scale, results.mixed).map((ratio) => [
    `${ratio.name}${ratio.detail ? ` (${ratio.detail})` : ""}`,
    ratio.value === null ? "–" : ratio.value.toFixed(2),
    ratio.target,
    ratio.met === null ? "n/a" : ratio.met ? "met" : "**missed**",
  ]);
  parts.push(table(["ratio", "value", "target", ""], ratios, [false, true, false, false]));
  return parts.join("\n\n");
}

const [file] = process.argv.slice(2);
if (!file) {
  console.error("Usage: pnpm --filter @hkhealth/bench markdown <bench/results/....json>");
  process.exit(2);
}
console.log(markdownReport(JSON.parse(readFileSync(file, "utf8")) as BenchResults));
