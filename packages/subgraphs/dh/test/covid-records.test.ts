import { chpCovid19Cases, chpCovid19Situation } from "@hkhealth/plan";
import { normaliseValue } from "@hkhealth/ingest/values";
import { describe, expect, it } from "vitest";
import { parseCovidBuilding } from "../src/covid/building.js";
import { parseCovidCase } from "../src/covid/case.js";
import { parseSituationDay } from "../src/covid/situation-day.js";

const caseColumns = chpCovid19Cases.fields;
const situationColumns = chpCovid19Situation.fields;

const origin = { datasetId: "dh-chp-covid19-cases", ingestionId: 7 };

/** A CSV row's cells as the ingest stores them: each value normalised on its own. */
function stored(header: readonly string[], cells: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(header.map((name, index) => [name, normaliseValue(cells[index] ?? "").value]));
}

const caseHeader = Object.values(caseColumns);

describe("a CHP case record as a typed case", () => {
  it("reads a case with dates and an age", () => {
    const fields = stored(caseHeader, ["1", "23/01/2020", "21/01/2020", "M", "39", "", "Discharged", "Non-HK resident", "Imported case", "Confirmed"]);
    expect(parseCovidCase(origin, fields)).toEqual({
      ...origin,
      caseNumber: 1,
      reportDate: "2020-01-23",
      onsetDate: "2020-01-21",
      onsetText: null,
      gender: "M",
      age: 39,
      ageText: "39",
      hospitalAdmitted: null,
      status: "Discharged",
      resident: "Non-HK resident",
      classification: "Imported case",
      caseStatus: "Confirmed",
    });
  });

  it("keeps the text of an onset that is not a date and of an age that is not a number", () => {
    const infant = parseCovidCase(origin, stored(caseHeader, ["7", "04/02/2020", "Asymptomatic", "M", "<1", "", "Discharged", "HK resident", "Local case", "Asymptomatic"]));
    expect(infant).toMatchObject({ onsetDate: null, onsetText: "Asymptomatic", age: null, ageText: "<1" });
    const pending = parseCovidCase(origin, stored(caseHeader, ["18", "06/02/2022", "Pending", "Pending", "Pending", "", "Pending admission", "Pending", "Locally acquired case", "Pending"]));
    expect(pending).toMatchObject({ onsetText: "Pending", age: null, ageText: "Pending", gender: "Pending" });
  });

  it("reads a deleted case's empty cells as null", () => {
    const deleted = parseCovidCase(origin, stored(caseHeader, ["11252", "13/03/2021", "", "", "", "", "", "", "", "Deleted"]));
    expect(deleted).toMatchObject({ caseNumber: 11252, reportDate: "2021-03-13", onsetDate: null, onsetText: null, classification: null, caseStatus: "Deleted" });
  });

  it("is no case without a case number", () => {
    expect(parseCovidCase(origin, stored(caseHeader, ["", "13/03/2021"]))).toBeNull();
  });
});

describe("a CHP situation record as a typed day", () => {
  const header = Object.values(situationColumns);

  it("reads an early day with its counts, the later columns null", () => {
    const day = parseSituationDay(origin, stored(header, ["08/01/2020", "12:00", "0", "21", "17", "38", "0", "0", "0", "", "", ""]));
    expect(day).toMatchObject({ date: "2020-01-08", time: "12:00", confirmed: 0, ruledOut: 21, critical: null, positiveByRapidAntigenTest: null });
  });

  it("reads a sparse later day", () => {
    const day = parseSituationDay(origin, stored(header, ["25/03/2022", "", "", "", "", "", "6962", "41732", "", "105", "715462", "396167"]));
    expect(day).toMatchObject({ date: "2022-03-25", time: null, confirmed: null, deaths: 6962, discharged: 41732, critical: 105, positiveByRapidAntigenTest: 396167 });
  });
});

describe("a CHP building record as a typed building", () => {
  it("reads the district, name, last visit and related cases", () => {
    const fields = stored(["District", "Building name", "Last date of visit of the case(s)", "Related cases"], ["Eastern", "Provident Centre", "02/04/2020", "602"]);
    expect(parseCovidBuilding(origin, fields)).toEqual({ ...origin, district: "Eastern", buildingName: "Provident Centre", lastVisitDate: "2020-04-02", relatedCases: "602" });
  });
});
