import { readFileSync } from "node:fs";
import { sharedFiles } from "@hkhealth/config/testing";
import { describe, it, expect } from "vitest";
import { catalogueAgencies, catalogueDatasets } from "../src/catalogue/catalogue.js";
import { normaliseRemarks, parsePlanDocument, stripPlanHtml, type PlanRow } from "../src/catalogue/parse-plan.js";
import type { CatalogueDataset, CatalogueRelease } from "../src/catalogue/types.js";
import { AgencyCode, DataFormat, updateFrequencyFromPlanText } from "../src/model/enums.js";

const PLAN_DOCUMENT = "plan/000_442b38d9e6561a83.txt";
const planDocument = sharedFiles(PLAN_DOCUMENT);
const planPath = planDocument.path(PLAN_DOCUMENT);

const SECTION_ORDER = "ABCD";

/** Sorts releases as the plan prints them: by section, row number, then month (D1, D2 rows are in month order). */
function documentOrder(a: CatalogueRelease, b: CatalogueRelease): number {
  return (
    SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) ||
    Number(a.planRow.slice(1)) - Number(b.planRow.slice(1)) ||
    a.month.localeCompare(b.month)
  );
}

interface FlatRelease extends CatalogueRelease {
  readonly dataset: CatalogueDataset;
}

const flatReleases: FlatRelease[] = catalogueDatasets.flatMap((dataset) => dataset.releases.map((release) => ({ ...release, dataset })));

/** The plan's name without its category and without spaces the conversion put between two Han characters. */
function expectedTitleZh(planName: string): string {
  return planName.replace(/^醫務衛生\/\s*/, "").replace(/(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu, "");
}

// The README's assignment, by plan row; D2 is C2's dataset, so it is not counted again.
const agencyByFirstRow: Record<string, AgencyCode> = {
  ...Object.fromEntries(["C1", "C2", "C3", "C4", "C5", "D1", "D3", "D4", "D5", "D8", "D9", "D10", "D11", "D17"].map((row) => [row, AgencyCode.HA])),
  ...Object.fromEntries(["A1", "A2", "D6", "D12", "D13", "D18", "D14", "D19"].map((row) => [row, AgencyCode.HB])),
  ...Object.fromEntries(["B1", "D7", "D15", "D16"].map((row) => [row, AgencyCode.DH])),
};

describe("catalogue invariants", () => {
  it("lists the three agencies once each", () => {
    expect(catalogueAgencies.map((agency) => agency.code).sort()).toEqual([AgencyCode.DH, AgencyCode.HA, AgencyCode.HB]);
  });

  it("holds 26 datasets and 31 release rows", () => {
    expect(catalogueDatasets).toHaveLength(26);
    expect(flatReleases).toHaveLength(31);
  });

  it("has unique, agency-prefixed kebab-case ids and the fixed ids", () => {
    const ids = catalogueDatasets.map((dataset) => dataset.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const dataset of catalogueDatasets) {
      expect(dataset.id, dataset.id).toMatch(new RegExp(`^${dataset.agency.toLowerCase()}-[a-z0-9]+(?:-[a-z0-9]+)*$`));
    }
    const byRow = (row: string) => catalogueDatasets.find((dataset) => dataset.releases.some((release) => release.planRow === row))?.id;
    expect(byRow("D8")).toBe("ha-aed-waiting-time");
    expect(byRow("D19")).toBe("hb-covid19-vaccination-by-age");
    expect(byRow("D3")).toBe("ha-facility-directory");
  });

  it("has one release per dataset and month", () => {
    const keys = flatReleases.map((release) => `${release.dataset.id}@${release.month}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("assigns agencies as the README does", () => {
    for (const dataset of catalogueDatasets) {
      const firstRow = [...dataset.releases].sort(documentOrder)[0]!.planRow;
      expect(dataset.agency, `${dataset.id} (${firstRow})`).toBe(agencyByFirstRow[firstRow]);
    }
    const count = (agency: AgencyCode) => catalogueDatasets.filter((dataset) => dataset.agency === agency).length;
    expect(count(AgencyCode.HA)).toBe(14);
    expect(count(AgencyCode.HB)).toBe(8);
    expect(count(AgencyCode.DH)).toBe(4);
  });

  it("orders datasets by first row in the plan and releases oldest first", () => {
    const firstRows = catalogueDatasets.map((dataset) => [...dataset.releases].sort(documentOrder)[0]!);
    expect([...firstRows].sort(documentOrder)).toEqual(firstRows);
    for (const dataset of catalogueDatasets) {
      const months = dataset.releases.map((release) => release.month);
      expect(months, dataset.id).toEqual([...months].sort());
    }
  });

  it("gives every release a valid month, section, row, formats and descriptions", () => {
    for (const release of flatReleases) {
      const label = `${release.dataset.id} ${release.planRow} ${release.month}`;
      expect(release.month, label).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
      expect(release.planRow, label).toMatch(/^[A-D]\d{1,2}$/);
      expect(release.section, label).toBe(release.planRow.charAt(0));
      expect(release.formats.length, label).toBeGreaterThanOrEqual(1);
      expect(new Set(release.formats).size, label).toBe(release.formats.length);
      for (const format of release.formats) expect(Object.values(DataFormat), label).toContain(format);
      expect(release.descriptionEn.split("\n").length, label).toBe(release.descriptionZh.split("\n").length);
      for (const text of [release.descriptionZh, release.descriptionEn]) {
        expect(text, label).not.toMatch(/[<>]/);
        for (const line of text.split("\n")) expect(line, label).toBe(line.trim());
        expect(text.split("\n"), label).not.toContain("");
      }
    }
  });

  it("derives each titleZh and categoryZh from its planName", () => {
    for (const dataset of catalogueDatasets) {
      expect(dataset.titleZh, dataset.id).toBe(expectedTitleZh(dataset.planName));
      expect(dataset.categoryZh, dataset.id).toBe(dataset.planName.startsWith("醫務衛生/") ? "醫務衛生" : null);
      expect(dataset.titleEn.trim(), dataset.id).not.toBe("");
    }
    expect(catalogueDatasets.filter((dataset) => dataset.categoryZh === null).map((dataset) => dataset.id)).toEqual([
      "hb-covid19-vaccination-by-age",
    ]);
  });
});

describe.skipIf(!planDocument.present)(planDocument.title("catalogue against the plan document"), () => {
  // Read lazily: a skipped describe still runs its body to collect tests.
  let parsed: PlanRow[] | undefined;
  const planRows = (): PlanRow[] => (parsed ??= parsePlanDocument(readFileSync(planPath, "utf8")));

  it("parses 31 release rows naming 26 datasets", () => {
    expect(planRows()).toHaveLength(31);
    expect(new Set(planRows().map((row) => row.planName)).size).toBe(26);
  });

  it("matches the catalogue row by row", () => {
    const catalogueRows = [...flatReleases].sort(documentOrder);
    expect(catalogueRows).toHaveLength(planRows().length);
    planRows().forEach((row, index) => {
      const release = catalogueRows[index]!;
      const label = `plan row ${row.planRow} ${row.month} (document line ${row.line})`;
      expect(release.planRow, label).toBe(row.planRow);
      expect(release.section, label).toBe(row.section);
      expect(release.dataset.planName, label).toBe(row.planName);
      expect(release.month, label).toBe(row.month);
      expect(release.updateFrequency, label).toBe(updateFrequencyFromPlanText[row.frequencyText]);
      expect(release.formats, label).toEqual(row.formats);
      expect(release.descriptionZh, label).toBe(row.descriptionZh);
    });
  });

  it("keeps datasets in the order of their first row in the plan", () => {
    const namesInOrder = [...new Set(planRows().map((row) => row.planName))];
    expect(catalogueDatasets.map((dataset) => dataset.planName)).toEqual(namesInOrder);
  });
});

describe("parsePlanDocument", () => {
  const header = "#\t數據種類／數據集名稱\t發放日期 (月/年)\t更新頻率\t備註";

  it("reads a numbered row and its continuation rows as releases of one dataset", () => {
    const rows = parsePlanDocument(
      ["標題", "", "D. 進度", "", header, "1\t醫務衛生/ 甲\t12/2017\t每年\t一行  發放數據集的格式: JSON 及 XLSX", "\t\t03/2019\t每季\t二行", ""].join("\n"),
    );
    expect(rows.map(({ planRow, planName, month, frequencyText }) => ({ planRow, planName, month, frequencyText }))).toEqual([
      { planRow: "D1", planName: "醫務衛生/ 甲", month: "2017-12", frequencyText: "每年" },
      { planRow: "D1", planName: "醫務衛生/ 甲", month: "2019-03", frequencyText: "每季" },
    ]);
    expect(rows[0]!.descriptionZh).toBe("一行\n發放數據集的格式: JSON 及 XLSX");
    expect(rows[0]!.formats).toEqual([DataFormat.JSON, DataFormat.XLSX]);
  });

  it("joins a name and remarks broken onto a later line", () => {
    const rows = parsePlanDocument(
      ["D. 進度", "8\t醫務衛生/\t12/2018\t每15分鐘\t按醫院劃分", "", "\t急症室等候時間\t\t\t發放數據集的格式: JSON 及 XLSX", "--\t--\t--\t--\t-----"].join("\n"),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.planName).toBe("醫務衛生/ 急症室等候時間");
    expect(rows[0]!.descriptionZh).toBe("按醫院劃分\n發放數據集的格式: JSON 及 XLSX");
  });

  it("tracks sections and organisation sub-headings", () => {
    const rows = parsePlanDocument(
      ["A. 甲", "1\t名\t01/2022\t有需要時\t以JSON格式提供", "## C. 乙", "### (1) 醫院管理局", "2\t名二\t12/2022\t每年\tXML"].join("\n"),
    );
    expect(rows.map((row) => [row.planRow, row.section])).toEqual([["A1", "A"], ["C2", "C"]]);
  });

  it("strips HTML paragraph by paragraph", () => {
    expect(stripPlanHtml("<p>甲</p> <p>格式: <b>JSON</b> 及 <b>XLSX</b></p>")).toBe("甲\n 格式: JSON 及 XLSX\n");
    expect(normaliseRemarks(["<p>甲</p> <p>格式: <b>JSON</b> 及 <b>XLSX</b></p>", "  乙  丙 "])).toBe("甲\n格式: JSON 及 XLSX\n乙\n丙");
  });

  it("throws naming the line of a row it cannot read", () => {
    expect(() => parsePlanDocument(["A. 甲", "", "1\t名\t2022-01\t有需要時\t備註"].join("\n"))).toThrow(/line 3\b/);
    expect(() => parsePlanDocument(["A. 甲", "1\t名\t01/2022\t有需要時"].join("\n"))).toThrow(/line 2\b/);
    expect(() => parsePlanDocument(["A. 甲", "1\t名\t01/2022\t每兩年\t備註"].join("\n"))).toThrow(/line 2\b/);
    expect(() => parsePlanDocument(["A. 甲", "1\t名\t01/2022\t每年\t備註", "雜項文字"].join("\n"))).toThrow(/line 3\b/);
  });
});
