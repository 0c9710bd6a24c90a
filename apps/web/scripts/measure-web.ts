// The figures of BENCHMARKS.md's "Web app" section: each page's JavaScript (gzip), and the time
// from navigation to the A&E table showing data in headless Chromium against a local gateway
// (median of 5), beside a plain HTML page that fetches the same query (the floor).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { AeNowDocument } from "@hkhealth/client";
import { startAppGateway } from "../test/app-gateway.js";
import { launchBrowser } from "../test/browser-session.js";

const RUNS = 5;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/** The JavaScript files a chunk loads before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function gzipKb(dir: string, manifest: Record<string, ManifestChunk>, keys: Iterable<string>): number {
  let bytes = 0;
  for (const key of keys) bytes += gzipSync(readFileSync(resolve(dir, manifest[key]!.file))).length;
  return Math.round(bytes / 102.4) / 10;
}

function pageSizes(dir: string): Record<string, number> {
  const manifest = JSON.parse(readFileSync(resolve(dir, ".vite/manifest.json"), "utf8")) as Record<string, ManifestChunk>;
  const app = staticClosure(manifest, "index.html");
  const lazy = (name: string) => {
    const key = Object.keys(manifest).find((candidate) => candidate.endsWith(`${name}.tsx`))!;
    return new Set([...app, ...staticClosure(manifest, key)]);
  };
  return {
    "A&E now (/)": gzipKb(dir, manifest, app),
    "Plan progress (/plan)": gzipKb(dir, manifest, lazy("plan-page")),
    "Dataset explorer (/datasets)": gzipKb(dir, manifest, lazy("explorer-page")),
    "GraphiQL (/graphiql)": gzipKb(dir, manifest, staticClosure(manifest, "graphiql.html")),
  };
}

/** The floor: one fetch of the same query, rows written with innerHTML, no framework. */
const floorPage = `<!doctype html><meta charset="utf-8"><table id="t"><tbody></tbody></table><script>
fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" },
  body: JSON.stringify({ query: ${JSON.stringify(String(AeNowDocument))}, variables: { feedLang: "EN", lang: "EN" } }) })
  .then((r) => r.json()).then(({ data }) => {
    document.querySelector("#t tbody").innerHTML = data.dataset.view.latest
      .map((w) => "<tr><td>" + w.hospital.name + "</td><td>" + (w.triage3Median ? w.triage3Median.text : "") + "</td></tr>").join("");
  });
</script>`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const app = await startAppGateway();
  const dir = app.webAppDir;
  // Served beside the app's assets by the same static route, so both pay the same HTTP path.
  writeFileSync(resolve(dir, "assets/floor.html"), floorPage);
  const browser = await launchBrowser(app.origin);
  try {
    const timeToRows = async (path: string, rowSelector: string) => {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A fresh page each time, caches cleared: a first visit.
        const page = await browser.newPage();
        const session = await browser.newCDPSession(page);
        await session.send("Network.clearBrowserCache");
        const started = performance.now();
        await page.goto(app.origin + path, { waitUntil: "commit" });
        await page.locator(rowSelector).first().waitFor();
        times.push(performance.now() - started);
        await page.close();
      }
      return { median: Math.round(median(times)), runs: times.map(Math.round) };
    };
    const floor = await timeToRows("/assets/floor.html", "#t tbody tr");
    const aeNow = await timeToRows("/", "[data-testid=ae-table] tbody tr");
    console.log(JSON.stringify({ javascriptGzipKb: pageSizes(dir), timeToDataMs: { floor, aeNow, ratio: Math.round((aeNow.median / floor.median) * 100) / 100 } }, null, 2));
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
