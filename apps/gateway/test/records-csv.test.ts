import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell } from "../src/web/records-csv.js";
import { startHarness, type GraphQLResponse, type Harness } from "./harness.js";

// More rows than one page of the records query (1000), so the download must follow cursors.
const ROWS = 2_300;
let harness: Harness;

function vaccinationFile(): string {
  const header = readFileSync(resolve(import.meta.dirname, "fixtures/vaccination-by-age.csv"), "utf8").split("\n")[0]!;
  const groups = ["20-29", "30-39", "40-49", "80 and above"];
  const lines = Array.from({ length: ROWS }, (_, index) => {
    const day = new Date(Date.UTC(2021, 1, 22) + Math.floor(index / 8) * 86_400_000).toISOString().slice(0, 10);
    const doses = Array.from({ length: 12 }, (_, dose) => String((index * 7 + dose * 13) % 500));
    return [day, groups[index % 4], index % 2 ? "M" : "F", ...doses].map((cell) => `"${cell}"`).join(",");
  });
  const path = join(mkdtempSync(join(tmpdir(), "records-csv-")), "vaccination.csv");
  writeFileSync(path, `${header}\n${lines.join("\n")}\n`);
  return path;
}

beforeAll(async () => {
  harness = await startHarness();
  await ingestFile(harness.store, { datasetId: "hb-covid19-vaccination-by-age", location: vaccinationFile() });
});
afterAll(async () => {
  await harness?.close();
});

const csvUrl = (id: string, parameters: Record<string, unknown> = {}) => {
  const search = new URLSearchParams(Object.entries(parameters).map(([key, value]): [string, string] => [key, typeof value === "string" ? value : JSON.stringify(value)]));
  return new URL(`/datasets/${id}/records.csv?${search}`, harness.gateway.url).href;
};

/** Every record the records query answers for these arguments, following its cursors. */
async function allRecords(filter: unknown, orderBy: unknown) {
  const rows: { id: string; observedAt: string; fields: Record<string, unknown> }[] = [];
  let after: string | null = null;
  for (;;) {
    const response: GraphQLResponse<any> = await harness.query(
      `query ($filter: [FieldFilterInput!], $orderBy: [FieldOrderInput!], $after: String) {
        dataset(id: "hb-covid19-vaccination-by-age") { records(first: 1000, after: $after, filter: $filter, orderBy: $orderBy) {
          pageInfo { hasNextPage endCursor } edges { node { id observedAt fields } } } } }`,
      { filter, orderBy, after },
    );
    expect(response.errors).toBeUndefined();
    const records: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: (typeof rows)[number] }[] } = response.data!.dataset.records;
    rows.push(...records.edges.map((edge) => edge.node));
    if (!records.pageInfo.hasNextPage) return rows;
    after = records.pageInfo.endCursor;
  }
}

describe("GET /datasets/:id/records.csv", () => {
  it("streams the records query's answer across its pages, with the same filter and order", async () => {
    const filter = [{ field: "Age Group", contains: "0-" }, { field: "Sinovac 1st dose", gte: 100 }];
    const orderBy = [{ field: "Sinovac 1st dose", direction: "DESC" }, { field: "Date", direction: "ASC" }];
    const response = await fetch(csvUrl("hb-covid19-vaccination-by-age", { filter, orderBy }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = parse(await response.text()) as string[][];
    expect(header!.slice(0, 5)).toEqual(["id", "observedAt", "Date", "Age Group", "Sex"]);

    const expected = await allRecords(filter, orderBy);
    expect(expected.length).toBeGreaterThan(1000);
    expect(rows).toEqual(expected.map((record) => [record.id, record.observedAt, ...header!.slice(2).map((name) => String(record.fields[name] ?? ""))]));
  });

  it("answers every record without arguments", async () => {
    const response = await fetch(csvUrl("hb-covid19-vaccination-by-age"));
    expect((parse(await response.text()) as string[][]).length).toBe(ROWS + 1);
  });

  it("refuses what the records query refuses, in its words, before writing any CSV", async () => {
    const response = await fetch(csvUrl("hb-covid19-vaccination-by-age", { filter: [{ field: "No such field", eq: 1 }] }));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain("No such field");
    expect(text).not.toContain("id,observedAt");
  });

  it("says which parameter is not JSON, and which dataset does not exist", async () => {
    const notJson = await fetch(csvUrl("hb-covid19-vaccination-by-age", { filter: "[{oops" }));
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).toBe('"filter" is not JSON: [{oops\n');
    const unknown = await fetch(csvUrl("no-such-dataset"));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('No dataset "no-such-dataset"\n');
  });

  it("quotes cells holding commas, quotes or line breaks", () => {
    expect([csvCell("plain"), csvCell('say "hi", then\nleave'), csvCell(null), csvCell(3.5), csvCell({ a: 1 })]).toEqual([
      "plain",
      '"say ""hi"", then\nleave"',
      "",
      "3.5",
      '"{""a"":1}"',
    ]);
  });
});
