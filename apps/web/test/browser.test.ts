import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distanceKm } from "../src/pages/ae-now/geo.js";
import { startAppGateway, type AppGateway } from "./app-gateway.js";
import { browserSuite, launchBrowser } from "./browser-session.js";

// One gateway and one browser for the whole suite (CI has 2 cores): each page against the
// graph's own answer, then, last, the gateway stopped under an open page.
const suite = browserSuite("the web app in Chromium");
const screenshots = resolve(import.meta.dirname, "../test-results/screenshots");

let app: AppGateway;
let browser: BrowserContext;
let page: Page;

const shot = (name: string) => page.screenshot({ path: resolve(screenshots, `${name}.png`), fullPage: true });
const aeQuery = `query ($lang: Language!) { dataset(id: "ha-aed-waiting-time") { view { ... on AedWaitingTimeView {
  latest(lang: EN) { observedAt triage3Median { minutes } triage45Median { minutes } hospital { id name(lang: $lang) latitude longitude } } } } } }`;
type AeRow = { observedAt: string; triage3Median: { minutes: number | null } | null; triage45Median: { minutes: number | null } | null; hospital: { id: string; name: string; latitude: number; longitude: number } };

async function tableRows() {
  await page.locator("[data-testid=ae-table] tbody tr").first().waitFor();
  return page.locator("[data-testid=ae-table] tbody tr").evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute("data-hospital-id"),
      name: row.querySelector("td button")?.textContent,
      triage3Median: row.querySelector("[data-field=triage3Median]")?.getAttribute("data-minutes"),
      triage45Median: row.querySelector("[data-field=triage45Median]")?.getAttribute("data-minutes"),
    })),
  );
}

describe.skipIf(!suite.present)(suite.title, () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startAppGateway();
    browser = await launchBrowser(app.origin);
    page = await browser.newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows every hospital of the current feed with the graph's waits, sorted by wait", async () => {
    const latest: AeRow[] = (await app.query(aeQuery, { lang: "EN" })).dataset.view.latest;
    await page.goto(`${app.origin}/`);
    const rows = await tableRows();
    await shot("ae-now");
    const expected = [...latest].sort((a, b) => (a.triage3Median?.minutes ?? Infinity) - (b.triage3Median?.minutes ?? Infinity) || a.hospital.name.localeCompare(b.hospital.name));
    expect(latest.length).toBeGreaterThan(0);
    expect(rows).toEqual(
      expected.map((wait) => ({ id: wait.hospital.id, name: wait.hospital.name, triage3Median: String(wait.triage3Median?.minutes ?? ""), triage45Median: String(wait.triage45Median?.minutes ?? "") })),
    );
    expect(await page.getByTestId("feed-time").locator("time").getAttribute("datetime")).toBe(latest[0]!.observedAt);
  });

  it("switches to Traditional Chinese: the page's words and the graph's names", async () => {
    const latest: AeRow[] = (await app.query(aeQuery, { lang: "ZH_HANT" })).dataset.view.latest;
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("急症室現時等候時間");
    const names = (await tableRows()).map((row) => row.name).sort();
    expect(names).toEqual(latest.map((wait) => wait.hospital.name).sort());
    expect(names.some((name) => /[\u4e00-\u9fff]/.test(name ?? ""))).toBe(true);
    await shot("ae-now-zh");
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("A&E waiting times now");
  });

  it("sorts by distance from a fixed place, nearest first, with the distances shown", async () => {
    const from = { latitude: 22.3, longitude: 114.17 };
    const latest: AeRow[] = (await app.query(aeQuery, { lang: "EN" })).dataset.view.latest;
    await page.goto(`${app.origin}/?near=${from.latitude},${from.longitude}`);
    await page.locator("[data-field=distance]").first().waitFor();
    const byDistance = [...latest].sort((a, b) => distanceKm(from, a.hospital) - distanceKm(from, b.hospital));
    expect((await tableRows()).map((row) => row.id)).toEqual(byDistance.map((wait) => wait.hospital.id));
    expect(await page.locator("[data-field=distance]").first().textContent()).toBe(`${distanceKm(from, byDistance[0]!.hospital).toFixed(1)} km`);
  });

  it("fits a phone's width: the table scrolls inside the page, not the page sideways", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.origin}/`);
    await tableRows();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot("ae-now-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("charts a picked hospital's history", async () => {
    await page.locator("[data-testid=ae-table] tbody tr td button").first().click();
    await page.getByTestId("charts").locator("svg.chart, [data-testid=empty]").first().waitFor();
    await shot("ae-charts");
  });

  it("shows the plan's releases with the graph's status as of a picked date, overdue ones marked", async () => {
    const asOf = "2023-06-01";
    const { agencies } = await app.query(`query ($asOf: Date) { agencies { datasets { releases { id status(asOf: $asOf) } } } }`, { asOf });
    const statuses = new Map<string, string>(agencies.flatMap((agency: any) => agency.datasets.flatMap((dataset: any) => dataset.releases.map((release: any) => [release.id, release.status]))));
    await page.goto(`${app.origin}/plan`);
    await page.getByTestId("as-of").fill(asOf);
    await expect.poll(async () => new Map(await page.locator("[data-release-id]").evaluateAll((items) => items.map((item) => [item.getAttribute("data-release-id"), item.getAttribute("data-status")])))).toEqual(statuses);
    expect([...statuses.values()]).toContain("DUE");
    await shot("plan");
  });

  it("explores a dataset's records, and its CSV download equals the records query", async () => {
    const id = "hb-covid19-vaccination-by-age";
    const { dataset } = await app.query(`query ($id: ID!) { dataset(id: $id) { records(first: 1000, filter: [{ field: "Sex", contains: "F" }]) { totalCount edges { node { id } } } } }`, { id });
    await page.goto(`${app.origin}/datasets?id=${id}`);
    await page.locator("input[name=Sex]").fill("F");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => page.getByTestId("total").textContent()).toMatch(new RegExp(`^${dataset.records.totalCount} records in all`));
    await shot("datasets");
    const href = await page.getByTestId("csv").getAttribute("href");
    const csv = await (await fetch(new URL(href!, app.origin))).text();
    const ids = csv.trim().split("\r\n").slice(1).map((line) => line.split(",")[0]);
    expect(ids).toEqual(dataset.records.edges.map((edge: { node: { id: string } }) => edge.node.id));
  });

  it("runs a preloaded example in the offline GraphiQL", async () => {
    await page.goto(`${app.origin}/graphiql`);
    await expect.poll(() => page.locator(".graphiql-query-editor").innerText(), { timeout: 20_000 }).toContain("ha-aed-waiting-time");
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => page.locator(".graphiql-response").innerText(), { timeout: 20_000 }).toContain("observedAt");
    await shot("graphiql");
  });

  it("says the gateway cannot be reached once it is stopped", async () => {
    await page.goto(`${app.origin}/`);
    await tableRows();
    await app.stop();
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.getByTestId("error").textContent()).toContain("無法連接閘道");
    await shot("gateway-stopped");
  });
});
