import { catalogueDatasets, type CatalogueDataset } from "@hkhealth/plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const everyDataset = /* GraphQL */ `
  query Everything {
    datasets(first: 100) {
      totalCount
      edges {
        node {
          id
          titleEn: title
          titleZh: title(lang: ZH_HANT)
          planName
          updateFrequency
          formats
          agency { code name nameZh: name(lang: ZH_HANT) }
          releases {
            id planRow month updateFrequency formats
            descriptionEn: description
            descriptionZh: description(lang: ZH_HANT)
            dataset { id }
          }
        }
      }
    }
  }
`;

describe(`the catalogue through the gateway (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("lists all 26 datasets with their 31 releases, bilingual, dataset by dataset and row by row", async () => {
    const response = await harness.query(everyDataset);
    expect(response.errors).toBeUndefined();
    const nodes = response.data.datasets.edges.map((edge: { node: unknown }) => edge.node);
    expect(response.data.datasets.totalCount).toBe(26);
    expect(nodes).toHaveLength(26);
    expect(nodes.flatMap((node: { releases: unknown[] }) => node.releases)).toHaveLength(31);

    catalogueDatasets.forEach((expected: CatalogueDataset, index) => {
      const node = nodes[index];
      const where = `dataset ${index + 1} (${expected.id})`;
      expect(node.id, where).toBe(expected.id);
      expect(node.titleEn, where).toBe(expected.titleEn);
      expect(node.titleZh, where).toBe(expected.titleZh);
      expect(node.planName, where).toBe(expected.planName);
      expect(node.agency.code, where).toBe(expected.agency);
      expect(node.updateFrequency, where).toBe(expected.releases.at(-1)?.updateFrequency);
      expect(new Set(node.formats), where).toEqual(new Set(expected.releases.flatMap((release) => release.formats)));
      expect(node.releases, where).toEqual(
        expected.releases.map((release) => ({
          id: `${expected.id}@${release.month}`,
          planRow: release.planRow,
          month: release.month,
          updateFrequency: release.updateFrequency,
          formats: release.formats,
          descriptionEn: release.descriptionEn,
          descriptionZh: release.descriptionZh,
          dataset: { id: expected.id },
        })),
      );
    });
  });

  it("names each agency in English and Chinese and lists its datasets", async () => {
    const response = await harness.query(`{ agencies { code name nameZh: name(lang: ZH_HANT) datasets { id } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.agencies.map((agency: { code: string; name: string; nameZh: string; datasets: unknown[] }) => [agency.code, agency.name, agency.nameZh, agency.datasets.length])).toEqual([
      ["HB", "Health Bureau", "醫務衛生局", 8],
      ["HA", "Hospital Authority", "醫院管理局", 14],
      ["DH", "Department of Health", "衞生署", 4],
    ]);
  });

  it("finds one dataset, release and agency by id, and answers null for unknown ones", async () => {
    const response = await harness.query(`{
      dataset(id: "ha-aed-waiting-time") { title(lang: ZH_HANT) releases { id planRow month } }
      release(id: "ha-aed-waiting-time@2018-12") { planRow updateFrequency formats dataset { id } }
      agency(code: DH) { name }
      missingDataset: dataset(id: "no-such-dataset") { id }
      missingRelease: release(id: "no-such-release") { id }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      dataset: { title: "急症室等候時間", releases: [{ id: "ha-aed-waiting-time@2018-12", planRow: "D8", month: "2018-12" }] },
      release: { planRow: "D8", updateFrequency: "EVERY_15_MINUTES", formats: ["JSON", "XLSX"], dataset: { id: "ha-aed-waiting-time" } },
      agency: { name: "Department of Health" },
      missingDataset: null,
      missingRelease: null,
    });
  });

  it("keeps a dataset's releases oldest first and joins C and D rows of one dataset", async () => {
    const response = await harness.query(`{
      dataset(id: "ha-inpatient-services-volume") { releases { planRow month status(asOf: "2023-01-01") } }
    }`);
    expect(response.data.dataset.releases).toEqual([
      { planRow: "D2", month: "2017-12", status: "RELEASED" },
      { planRow: "D2", month: "2019-08", status: "RELEASED" },
      { planRow: "C2", month: "2023-08", status: "PLANNED" },
    ]);
  });
});
