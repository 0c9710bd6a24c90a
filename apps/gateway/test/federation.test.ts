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

describe("SQL statements per request", () => {
  const pageQuery = `query Page($first: Int) {
    datasets(first: $first) {
      totalCount
      edges { node { id title agency { code name } formats releases { id status description dataset { id title } } } }
    }
  }`;
  // The same entities reached by several paths: DataLoader batches may coalesce differently
  // with I/O timing, but never grow with the page.
  const deepQuery = `query Deep($first: Int) {
    datasets(first: $first) {
      edges { node { id agency { datasets { id } } releases { id dataset { id } } } }
    }
    agencies { code profile { __typename } datasets { id releases { id } } }
  }`;

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

  it("stay bounded, whatever the page size, when a query reaches entities by several paths", async () => {
    for (const first of [1, 5, 26]) {
      const statements = await statementsFor(deepQuery, first);
      // agencies, page (no count: totalCount is not asked for), agency by code, datasets by
      // agency, releases by dataset (one batch per path at most): 5; two more allowed for batches
      // split by I/O timing (5 to 7 seen on a busy machine). An N+1 would give 26 and more.
      expect(statements.length, `first: ${first}`).toBeLessThanOrEqual(7);
    }
  });

  it("batch entity lookups: one statement for many datasets fetched by id", async () => {
    const ids = ["ha-aed-waiting-time", "dh-health-facts", "hb-vhis-providers", "ha-cancer-statistics"];
    const query = `{ ${ids.map((id, index) => `d${index}: dataset(id: "${id}") { id releases { id } }`).join(" ")} }`;
    const { result, statements } = await harness.store.sqlLog.record(() => harness.query(query));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(2); // datasets by id, releases by dataset id
  });
});
