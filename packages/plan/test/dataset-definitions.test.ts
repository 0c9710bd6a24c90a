import { describe, expect, it } from "vitest";
import { catalogueDatasets, datasetDefinition, datasetDefinitions, offPlanDatasets, recordProfileOf, typedViewTypeName, updateFrequencyOf } from "../src/index.js";

describe("dataset definitions", () => {
  it("define each plan dataset once, and the off-plan ones with a registration", () => {
    const ids = datasetDefinitions.map((definition) => definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    const planIds = catalogueDatasets.map((dataset) => dataset.id);
    expect(ids.filter((id) => planIds.includes(id)).sort()).toEqual([...planIds].sort());
    for (const definition of datasetDefinitions) expect(planIds.includes(definition.id) !== (definition.offPlan !== undefined), definition.id).toBe(true);
    expect(offPlanDatasets.map((dataset) => dataset.id)).toEqual(["dh-chp-covid19-situation", "dh-chp-covid19-cases", "dh-chp-covid19-buildings"]);
  });

  it("give each distribution an https URL on a government host, and one resource per file", () => {
    for (const definition of datasetDefinitions) {
      const urls = definition.distributions.map((file) => file.url);
      expect(new Set(urls).size, definition.id).toBe(urls.length);
      const resources = definition.distributions.map((file) => file.resource);
      expect(new Set(resources).size, definition.id).toBe(resources.length);
      for (const url of urls) expect(new URL(url).protocol, url).toBe("https:");
      for (const url of urls) expect(new URL(url).hostname, url).toMatch(/\.gov\.hk$|^www\.ha\.org\.hk$/);
    }
  });

  it("name the files of the A&E feed per language, current and legacy", () => {
    const aed = datasetDefinition("ha-aed-waiting-time")!;
    expect(aed.distributions.map((file) => [file.resource, file.language])).toEqual([
      ["aedwtdata2-en", "en"],
      ["aedwtdata2-tc", "tc"],
      ["aedwtdata2-sc", "sc"],
      ["aedwtdata-en", "en"],
      ["aedwtdata-tc", "tc"],
      ["aedwtdata-sc", "sc"],
    ]);
    expect(aed.distributions[0]?.url).toBe("https://www.ha.org.hk/opendata/aed/aedwtdata2-en.json");
  });

  it("are what the profiles, typed views and frequencies are read from", () => {
    const aed = datasetDefinition("ha-aed-waiting-time")!;
    expect(recordProfileOf(catalogueDatasets.find((dataset) => dataset.id === aed.id)!)).toBe(aed.profile);
    expect(typedViewTypeName["ha-aed-waiting-time"]).toBe("AedWaitingTimeView");
    expect(Object.keys(typedViewTypeName)).toHaveLength(datasetDefinitions.filter((definition) => definition.typedView).length);
    expect(updateFrequencyOf(aed)).toBe("EVERY_15_MINUTES");
    expect(updateFrequencyOf(datasetDefinition("dh-chp-covid19-cases")!)).toBe("DAILY_DURING_PEAK");
  });

  it("give the HA files published per language a series per file and a typed view", () => {
    expect(typedViewTypeName).toMatchObject({
      "ha-sopc-new-case-waiting-time": "SopcWaitingTimeView",
      "ha-gopc-consultation-quota": "GopcConsultationQuotaView",
      "ha-day-community-services-volume": "AeAttendanceView",
    });
    for (const id of ["ha-sopc-new-case-waiting-time", "ha-gopc-consultation-quota", "ha-day-community-services-volume"]) {
      const definition = datasetDefinition(id)!;
      expect(definition.profile, id).toEqual({ mode: "SNAPSHOT", resourcePerFile: true });
      expect(definition.rowSchema, id).toBeDefined();
    }
    expect(datasetDefinition("ha-sopc-new-case-waiting-time")!.distributions.map((file) => file.resource)).toEqual([
      "sop-waiting-time-en",
      "sop-waiting-time-tc",
      "sop-waiting-time-sc",
    ]);
  });
});
