import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetches, startHarness, type Harness } from "./harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});


describe("federation", () => {
  it("answers one query from the plan subgraph and each agency's subgraph, through _entities", async () => {
    const response = await harness.query(`{
      agencies {
        code
        profile {
          __typename
          ... on HospitalAuthorityProfile { website clusters { code name(lang: ZH_HANT) } }
          ... on HealthBureauProfile { website }
          ... on DepartmentOfHealthProfile { website }
        }
      }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.agencies).toEqual([
      { code: "HB", profile: { __typename: "HealthBureauProfile", website: "https://www.healthbureau.gov.hk" } },
      {
        code: "HA",
        profile: {
          __typename: "HospitalAuthorityProfile",
          website: "https://www.ha.org.hk",
          clusters: expect.arrayContaining([{ code: "KC", name: "九龍中醫院聯網" }]),
        },
      },
      { code: "DH", profile: { __typename: "DepartmentOfHealthProfile", website: "https://www.dh.gov.hk" } },
    ]);
    const plan = harness.queryPlans.at(-1);
    expect(plan).toBeDefined();
    const planFetches = fetches(plan!);
    expect(planFetches[0]).toEqual({ serviceName: "plan", entities: false });
    expect(planFetches.filter((fetch) => fetch.entities).map((fetch) => fetch.serviceName).sort()).toEqual([
      "department-of-health",
      "health-bureau",
      "hospital-authority",
    ]);
  });

  it("goes from an agency subgraph back to the plan subgraph for the agency's datasets", async () => {
    const response = await harness.query(`{
      hospitalAuthority { clusters { code } agency { name(lang: ZH_HANT) datasets { id } } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.hospitalAuthority.agency.name).toBe("醫院管理局");
    expect(response.data.hospitalAuthority.agency.datasets).toHaveLength(14);
    expect(fetches(harness.queryPlans.at(-1)!)).toEqual([
      { serviceName: "hospital-authority", entities: false },
      { serviceName: "plan", entities: true },
    ]);
  });
});

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe("SQL statements per request", () => {
  const pageQuery = `query Page($first: Int) {
    datasets(first: $first) {
      totalCount
      edges { node { id title agency { code name } formats releases { id status description dataset { id title } } } }
    }
  }`;
  // The same entities reached by several paths, at different I/O moments: the request's loaders
  // dispatch together once none of its statements is in flight (RequestStatements), so the
  // batches, and the count, follow from the query's shape, not from which answer came first.
  const deepFields = `datasets(first: $first) {
      edges { node { id agency { datasets { id } } releases { id dataset { id } } } }
    }
    agencies { code datasets { id releases { id } } }`;
  const deepQuery = `query Deep($first: Int) { ${deepFields.replace("agencies { code", "agencies { code profile { __typename }")} }`;

  async function statementsFor(query: string, first: number): Promise<string[]> {
    const { result, statements } = await harness.store.sqlLog.record(() => harness.query(query, { first }));
    expect(result.errors).toBeUndefined();
    expect(result.data.datasets.edges).toHaveLength(first);
    return statements;
  }

  it("are the same whether a page holds 1, 5 or all 26 datasets", async () => {
    const counts = [];
    for (const first of [1, 5, 26]) counts.push((await statementsFor(pageQuery, first)).length);
    // count, page, agencies by code, releases by dataset: one each.
    expect(counts).toEqual([4, 4, 4]);
  });

  it("would grow with the page without the loaders (positive control: the counter sees an N+1)", async () => {
    const counts = [];
    for (const first of [1, 5]) {
      const { result, statements } = await harness.unbatched("plan", pageQuery, { first });
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.datasets.edges.map((edge: any) => edge.node);
      // count and page, then per dataset: its agency, its releases twice (formats and releases)
      // and each release's dataset.
      expect(statements).toHaveLength(2 + sum(nodes.map((node: any) => 3 + node.releases.length)));
      counts.push(statements.length);
    }
    expect(counts[1]).toBeGreaterThan(counts[0]! + 4 * 3);
  });

  it("are exact, and the same for a page of 1, 5 or 25, when a query reaches entities by several paths", async () => {
    const counts = [];
    for (const first of [1, 5, 25]) counts.push((await statementsFor(deepQuery, first)).length);
    // Three rounds: the agencies and the page (no count: totalCount is not asked for); then
    // datasets by agency, agencies by code and the page's releases, together; then the releases
    // of the agencies' datasets the page did not hold. 2 + 3 + 1.
    expect(counts).toEqual([6, 6, 6]);
    // A page of all 26 holds every dataset: the third round's releases are all in the loader's
    // cache already, so it sends nothing.
    expect(await statementsFor(deepQuery, 26)).toHaveLength(5);
  });

  it("would grow with the page in that query without the loaders (positive control)", async () => {
    const deep = `query Deep($first: Int) { ${deepFields} }`;
    const counts = [];
    for (const first of [1, 5]) {
      const { result, statements } = await harness.unbatched("plan", deep, { first });
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.datasets.edges.map((edge: any) => edge.node);
      const agencies = result.data!.agencies;
      // agencies and page; per dataset of the page: its agency, that agency's datasets, its
      // releases and each one's dataset; per agency: its datasets, and each one's releases.
      const expected = 2 + sum(nodes.map((node: any) => 3 + node.releases.length)) + sum(agencies.map((agency: any) => 1 + agency.datasets.length));
      expect(statements).toHaveLength(expected);
      counts.push(statements.length);
    }
    expect(counts[1]).toBeGreaterThan(counts[0]! + 4 * 3);
  });

  it("batch entity lookups: one statement for many datasets fetched by id", async () => {
    const ids = ["ha-aed-waiting-time", "dh-health-facts", "hb-vhis-providers", "ha-cancer-statistics"];
    const query = `{ ${ids.map((id, index) => `d${index}: dataset(id: "${id}") { id releases { id } }`).join(" ")} }`;
    const { result, statements } = await harness.store.sqlLog.record(() => harness.query(query));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(2); // datasets by id, releases by dataset id
  });
});
