import { AgencyCode, catalogueAgencies, catalogueDatasets, DataFormat, ReleaseStatus } from "@hkhealth/plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDatasets, loadCatalogue, type Store } from "../src/index.js";
import { createTestStore } from "../src/testing.js";

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(async () => {
  await store?.close();
});

describe(`store on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("loads the whole plan once, then writes nothing on a second load", async () => {
    const first = await loadCatalogue(store.prisma);
    expect(first).toMatchObject({ agencies: 3, datasets: 26, releases: 31 });
    expect(first.written).toBe(3 + 26 + 31);
    const second = await loadCatalogue(store.prisma);
    expect(second.written).toBe(0);
    expect(await store.prisma.dataset.count()).toBe(26);
    expect(await store.prisma.release.count()).toBe(31);
  });

  it("keeps a publication recorded for a planned release when the plan is loaded again", async () => {
    const planned = await store.prisma.release.findFirstOrThrow({ where: { section: "C" } });
    await store.prisma.release.update({ where: { id: planned.id }, data: { releasedMonth: "2025-01" } });
    expect((await loadCatalogue(store.prisma)).written).toBe(0);
    expect((await store.prisma.release.findUniqueOrThrow({ where: { id: planned.id } })).releasedMonth).toBe("2025-01");
    await store.prisma.release.update({ where: { id: planned.id }, data: { releasedMonth: null } });
  });

  it("repairs a catalogue row edited in the database", async () => {
    await store.prisma.dataset.update({ where: { id: "ha-aed-waiting-time" }, data: { titleEn: "changed" } });
    expect((await loadCatalogue(store.prisma)).written).toBe(1);
    const dataset = await store.prisma.dataset.findUniqueOrThrow({ where: { id: "ha-aed-waiting-time" } });
    expect(dataset.titleEn).toBe(catalogueDatasets.find((d) => d.id === "ha-aed-waiting-time")?.titleEn);
  });

  it("reads one row, and writes nothing, when the plan is the one it last loaded", async () => {
    await loadCatalogue(store.prisma);
    const { result, statements } = await store.sqlLog.record(() => loadCatalogue(store.prisma));
    expect(result.written).toBe(0);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('"CatalogueLoad"');
  });

  it("loads a changed plan rather than trusting the hash of the last one", async () => {
    const changed = catalogueDatasets.map((d) => (d.id === "ha-aed-waiting-time" ? { ...d, titleEn: "A&E waiting time (retitled)" } : d));
    expect((await loadCatalogue(store.prisma, { agencies: catalogueAgencies, datasets: changed })).written).toBe(1);
    expect((await store.prisma.dataset.findUniqueOrThrow({ where: { id: "ha-aed-waiting-time" } })).titleEn).toBe("A&E waiting time (retitled)");
    expect((await loadCatalogue(store.prisma)).written).toBe(1);
    expect((await loadCatalogue(store.prisma)).written).toBe(0);
  });

  it("compares every row again after a row was deleted behind the loader's back", async () => {
    await loadCatalogue(store.prisma);
    const release = await store.prisma.release.findFirstOrThrow({ where: { section: "C" } });
    await store.prisma.release.delete({ where: { id: release.id } });
    expect((await loadCatalogue(store.prisma)).written).toBe(1);
    expect(await store.prisma.release.count()).toBe(31);
  });

  it("filters by agency, format, status and text, in plan order", async () => {
    const ha = await findDatasets(store.prisma, { agency: AgencyCode.HA, statusMonth: "2026-11", first: 100 });
    expect(ha.totalCount).toBe(catalogueDatasets.filter((d) => d.agency === "HA").length);
    const xml = await findDatasets(store.prisma, { format: DataFormat.XML, statusMonth: "2026-11", first: 100 });
    expect(xml.datasets.map((d) => d.planName)).toEqual(["醫務衛生/ 已參與電子健康紀錄互通系統的醫護提供者名單"]);
    const waiting = await findDatasets(store.prisma, { search: "等候時間", statusMonth: "2026-11", first: 100 });
    expect(waiting.datasets.map((d) => d.id)).toContain("ha-aed-waiting-time");
    const english = await findDatasets(store.prisma, { search: "waiting TIME", statusMonth: "2026-11", first: 100 });
    expect(english.datasets.map((d) => d.id)).toContain("ha-aed-waiting-time");
    const plannedIn2022 = await findDatasets(store.prisma, { status: ReleaseStatus.PLANNED, statusMonth: "2022-06", first: 100 });
    // Planned as of June 2022: B1 (12/2024), C1-C5 (12/2022 to 08/2024); A1/A2 (01/2022) are due.
    expect(plannedIn2022.totalCount).toBe(6);
    const due = await findDatasets(store.prisma, { status: ReleaseStatus.DUE, statusMonth: "2022-06", first: 100 });
    expect(due.datasets.map((d) => d.planName)).toEqual(["醫務衛生/ 地區康健中心的主中心資料", "醫務衛生/ 地區康健站的主中心資料"]);
  });

  it("pages through datasets with a position cursor", async () => {
    const page1 = await findDatasets(store.prisma, { statusMonth: "2026-11", first: 10 });
    expect(page1).toMatchObject({ totalCount: 26, hasNextPage: true });
    const page3 = await findDatasets(store.prisma, {
      statusMonth: "2026-11",
      first: 10,
      afterPosition: 20,
    });
    expect(page3.datasets).toHaveLength(6);
    expect(page3.hasNextPage).toBe(false);
  });

  it("records every SQL statement it sends", async () => {
    const { statements } = await store.sqlLog.record(() => store.prisma.dataset.findMany({ take: 1 }));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/SELECT .* FROM "public"\."Dataset"/);
  });
});
