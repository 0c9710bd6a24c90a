import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function ids(filter: string, first = 100): Promise<string[]> {
  const response = await harness.query(`{ datasets(first: ${first}, filter: ${filter}) { edges { node { id } } } }`);
  expect(response.errors).toBeUndefined();
  return response.data.datasets.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

async function statuses(asOf: string): Promise<Record<string, string>> {
  const response = await harness.query(`{ datasets(first: 100) { edges { node { releases { id status(asOf: "${asOf}") } } } } }`);
  expect(response.errors).toBeUndefined();
  return Object.fromEntries(
    response.data.datasets.edges.flatMap((edge: { node: { releases: Array<{ id: string; status: string }> } }) =>
      edge.node.releases.map((release) => [release.id, release.status]),
    ),
  );
}

describe("filters", () => {
  it("by agency, frequency and format", async () => {
    expect(await ids("{ agency: DH }")).toEqual([
      "dh-private-healthcare-facilities",
      "dh-health-facts",
      "dh-rt-centres-aih-licence",
      "dh-rt-centres-treatment-licence",
    ]);
    expect(await ids("{ updateFrequency: EVERY_15_MINUTES }")).toEqual(["ha-aed-waiting-time"]);
    expect(await ids("{ format: XML }")).toEqual(["hb-ehrss-healthcare-providers"]);
    expect(await ids("{ agency: HB, format: CSV }")).toEqual([
      "hb-domestic-health-accounts",
      "hb-vhis-providers",
      "hb-vhis-certified-plans",
      "hb-covid19-vaccination-by-age",
    ]);
    expect(await ids("{ agency: HA, updateFrequency: WEEKLY }")).toEqual(["ha-gopc-consultation-quota"]);
  });

  it("by text in Chinese or English, in titles or descriptions, ignoring case", async () => {
    expect(await ids('{ search: "急症室" }')).toEqual(["ha-day-community-services-volume", "ha-aed-waiting-time"]);
    expect(await ids('{ search: "accident and EMERGENCY" }')).toContain("ha-aed-waiting-time");
    expect(await ids('{ search: "自願醫保" }')).toEqual(["hb-vhis-providers", "hb-vhis-certified-plans", "hb-vhis-standard-premiums"]);
    expect(await ids('{ search: "no dataset says this" }')).toEqual([]);
  });

  it("by release status as of a date, judged on that date", async () => {
    // 2021-12: before every target month of sections A, B and C.
    expect(await ids('{ status: PLANNED, asOf: "2021-12-31" }')).toEqual([
      "hb-dhc-main-centres",
      "hb-dhc-express-main-centres",
      "dh-private-healthcare-facilities",
      "ha-key-financial-information",
      "ha-inpatient-services-volume",
      "ha-endoscopic-procedure-statistics",
      "ha-cmctr-directory",
      "ha-cmctr-service-volume",
    ]);
    // January 2022 is A1 and A2's target month: due from its first day.
    expect(await ids('{ status: DUE, asOf: "2022-01-01" }')).toEqual(["hb-dhc-main-centres", "hb-dhc-express-main-centres"]);
    // Nothing in the plan is released by 2017-11, and D1's first row is released in 2017-12.
    expect(await ids('{ status: RELEASED, asOf: "2017-11-30" }')).toEqual([]);
    expect((await ids('{ status: RELEASED, asOf: "2017-12-01" }')).length).toBe(7); // D1-D7
    expect((await ids('{ status: RELEASED, asOf: "2022-06-01" }')).length).toBe(19);
    // After December 2024 every planned release is due.
    expect(await ids('{ status: PLANNED, asOf: "2025-01-01" }')).toEqual([]);
    expect((await ids('{ status: DUE, asOf: "2025-01-01" }')).length).toBe(8);
  });

  it("agrees with each release's own status field for every month of the plan", async () => {
    for (const asOf of ["2017-11-30", "2019-08-01", "2022-01-01", "2022-12-31", "2023-08-15", "2024-12-01", "2026-11-25"]) {
      const byRelease = await statuses(asOf);
      for (const status of ["RELEASED", "PLANNED", "DUE"]) {
        const response = await harness.query(
          `{ datasets(first: 100, filter: { status: ${status}, asOf: "${asOf}" }) { edges { node { releases { id } } } } }`,
        );
        const matched = new Set<string>(
          response.data.datasets.edges.map((edge: { node: { releases: Array<{ id: string }> } }) => edge.node.releases[0]?.id.split("@")[0]),
        );
        const expected = new Set(
          Object.entries(byRelease)
            .filter(([, releaseStatus]) => releaseStatus === status)
            .map(([id]) => id.split("@")[0]),
        );
        expect(matched, `${status} as of ${asOf}`).toEqual(expected);
      }
    }
  });

  it("defaults asOf to today in Hong Kong", async () => {
    const response = await harness.query(`{ release(id: "hb-dhc-main-centres@2022-01") { status } }`);
    expect(response.data.release.status).toBe("DUE");
  });
});

describe("pagination", () => {
  it("walks every dataset in pages, each after the last cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response: any = await harness.query(
        `query Page($after: String) { datasets(first: 7, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const { edges, pageInfo, totalCount } = response.data.datasets;
      expect(totalCount).toBe(26);
      seen.push(...edges.map((edge: { node: { id: string } }) => edge.node.id));
      pages++;
      expect(pageInfo.endCursor).toBe(edges.at(-1).cursor);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
  });

  it("pages within a filter and counts only what matches", async () => {
    const response = await harness.query(`{ datasets(first: 2, filter: { agency: DH }) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`);
    expect(response.data.datasets).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
  });

  it("refuses a page larger than 100, a page of 0 and a cursor it did not give, saying which argument", async () => {
    const tooMany = await harness.query(`{ datasets(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0]?.message).toBe('"first" must be between 1 and 100, got 101');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const none = await harness.query(`{ datasets(first: 0) { totalCount } }`);
    expect(none.errors?.[0]?.message).toContain('"first" must be between 1 and 100');
    const forged = await harness.query(`{ datasets(after: "not-a-cursor") { totalCount } }`);
    expect(forged.errors?.[0]?.message).toContain('"after" is not a cursor');
  });

  it("refuses an impossible date", async () => {
    const response = await harness.query(`{ datasets(filter: { status: DUE, asOf: "2024-02-30" }) { totalCount } }`);
    expect(response.errors?.[0]?.message).toMatch(/Date/);
  });
});
