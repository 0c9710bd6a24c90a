import { offPlanDatasets, typedViewTypeName } from "@hkhealth/plan";
import { describe, expect, it } from "vitest";
import { departmentOfHealthProfile } from "../src/profile.js";
import { centreForHealthProtection } from "../src/unit.js";

describe("the Department of Health's typed views", () => {
  it("read the datasets the plan's typed-view table gives them", () => {
    const { healthFacts, covidSituation, covidCases, covidBuildings } = departmentOfHealthProfile;
    expect([healthFacts, covidSituation, covidCases, covidBuildings].map((view) => [view.datasetId, typedViewTypeName[view.datasetId]])).toEqual([
      ["dh-health-facts", "HealthFactsView"],
      ["dh-chp-covid19-situation", "CovidSituationView"],
      ["dh-chp-covid19-cases", "CovidCaseView"],
      ["dh-chp-covid19-buildings", "CovidBuildingView"],
    ]);
  });

  it("list the Centre for Health Protection's registered datasets under it", () => {
    expect(centreForHealthProtection.datasetIds).toEqual(["dh-chp-covid19-situation", "dh-chp-covid19-cases", "dh-chp-covid19-buildings"]);
    for (const id of centreForHealthProtection.datasetIds) expect(offPlanDatasets.find((dataset) => dataset.id === id)?.agency).toBe("DH");
  });
});
