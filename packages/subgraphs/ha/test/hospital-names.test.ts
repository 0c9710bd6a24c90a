import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { facilityId } from "../src/directory/facility.js";
import { hospitalNameKey, linkHospitalNames, type LinkableHospital } from "../src/hospital-names.js";
import { ownFixtures, realHaFiles } from "./shared-fixtures.js";

describe("hospitalNameKey", () => {
  it.each([
    ["St. John Hospital", "St John Hospital"],
    ["Saint John Hospital", "st john hospital"],
    ["Ruttonjee & Tang Shiu Kin Hospitals", "Ruttonjee and Tang Shiu Kin Hospitals"],
    ["The Duchess of Kent Children's Hospital at Sandy Bay", "Duchess of Kent Childrens Hospital at Sandy Bay"],
    ["  QUEEN   ELIZABETH  hospital ", "Queen Elizabeth Hospital"],
    ["Kwai Chung - Psychogeriatric Out-patient Department", "Kwai Chung Psychogeriatric Out patient Department"],
    ["Hôpital Queen Mary", "hopital queen mary"],
  ])("spells %j and %j the same", (a, b) => {
    expect(hospitalNameKey(a)).toBe(hospitalNameKey(b));
  });

  it("keeps different hospitals apart", () => {
    expect(hospitalNameKey("Tung Wah Hospital")).not.toBe(hospitalNameKey("Tung Wah Eastern Hospital"));
    expect(hospitalNameKey("伊利沙伯醫院")).toBe("伊利沙伯醫院");
  });

  it("makes the facility ids", () => {
    expect(facilityId("St. John Hospital")).toBe("st-john-hospital");
    expect(facilityId("Cheshire Home, Chung Hom Kok")).toBe("cheshire-home-chung-hom-kok");
  });
});

describe("linkHospitalNames", () => {
  const hospitals: LinkableHospital[] = [
    { id: "st-john-hospital", names: ["St. John Hospital", "長洲醫院"], withAeService: true },
    { id: "tung-wah-hospital", names: ["Tung Wah Hospital"], withAeService: false },
    { id: "tung-wah-eastern-hospital", names: ["Tung Wah Eastern Hospital"], withAeService: false },
    { id: "twgh-wong-tai-sin-hospital", names: ["Tung Wah Group of Hospitals Wong Tai Sin Hospital"], withAeService: false },
    { id: "queen-mary-hospital", names: ["Queen Mary Hospital"], withAeService: true },
    { id: "queen-mary-hospital-annex", names: ["Queen Mary Hospital Annex"], withAeService: false },
    { id: "kwong-wah-hospital", names: ["Kwong Wah Hospital"], withAeService: true },
    { id: "kowloon-hospital", names: ["Kowloon Hospital"], withAeService: false },
  ];

  it("links by key, then by an extra word on either side, preferring A&E hospitals", () => {
    const links = linkHospitalNames(
      ["St John Hospital", "長洲醫院", "Tung Wah Hospital", "Queen Mary", "Queen Mary Hospital (QMH)", "KWONG WAH HOSPITAL", "Wong Tai Sin Hospital"],
      hospitals,
    );
    expect(Object.fromEntries(links.byName)).toEqual({
      "St John Hospital": "st-john-hospital",
      "長洲醫院": "st-john-hospital",
      "Tung Wah Hospital": "tung-wah-hospital",
      // Contained in "Queen Mary Hospital" and "... Annex": only the first has A&E.
      "Queen Mary": "queen-mary-hospital",
      "Queen Mary Hospital (QMH)": "queen-mary-hospital",
      "KWONG WAH HOSPITAL": "kwong-wah-hospital",
      "Wong Tai Sin Hospital": "twgh-wong-tai-sin-hospital",
    });
    expect(links.unlinked).toEqual([]);
  });

  it("reads HA's abbreviations of clinic names and Chinese names contained in the directory's", () => {
    const clinics: LinkableHospital[] = [
      { id: "gopc:anne-black", names: ["Anne Black General Out-patient Clinic", "柏立基夫人普通科門診診所"], withAeService: false },
      { id: "gopc:tung-wah", names: ["Tung Wah Hospital General Out-patient Department"], withAeService: false },
      { id: "gopc:tuen-mun-clinic", names: ["Tuen Mun Clinic", "屯門診所"], withAeService: false },
      { id: "gopc:tuen-mun-wu-hong", names: ["Tuen Mun Wu Hong Clinic", "屯門湖康診所"], withAeService: false },
    ];
    const links = linkHospitalNames(["Anne Black GOPC", "Anne Black General Outpatient Clinic", "Tung Wah Hospital GOPD", "柏立基夫人", "屯門診所", "屯門"], clinics);
    expect(Object.fromEntries(links.byName)).toEqual({
      "Anne Black GOPC": "gopc:anne-black",
      "Anne Black General Outpatient Clinic": "gopc:anne-black",
      "Tung Wah Hospital GOPD": "gopc:tung-wah",
      "柏立基夫人": "gopc:anne-black",
      "屯門診所": "gopc:tuen-mun-clinic",
    });
    // In both Tuen Mun clinics' names: not guessed.
    expect(links.unlinked).toEqual(["屯門"]);
  });

  it("reports what it cannot link, or could link several ways, instead of guessing", () => {
    const links = linkHospitalNames(["Imaginary Hospital", "Hospital", "Tung Wah", ""], hospitals);
    expect(links.byName.size).toBe(0);
    expect(links.unlinked).toEqual(["Imaginary Hospital", "Hospital", "Tung Wah", ""]);
  });
});

interface DirectoryEntry {
  institution_eng: string;
  institution_tc: string;
  institution_sc: string;
  with_AE_service_eng: string;
}

function feedNames(dir: string): Record<string, string[]> {
  const json = (name: string) => (JSON.parse(readFileSync(resolve(dir, name), "utf8")) as { waitTime: Array<{ hospName: string }> }).waitTime.map((item) => item.hospName);
  const csv = readFileSync(resolve(dir, "history-2019.csv"), "utf8").trim().split("\n").slice(1).map((line) => line.split(",")[0] ?? "");
  return { "aedwtdata2-en.json": json("aedwtdata2-en.json"), "aedwtdata-en.v1.json": json("aedwtdata-en.v1.json"), "history-2019.csv": [...new Set(csv)] };
}

describe.each([
  ["our fixtures", ownFixtures, ownFixtures, false],
  [realHaFiles.title("the real published files"), realHaFiles.path("fixtures/ha-aed-waiting-time"), realHaFiles.path("fixtures/ha-facility-directory"), !realHaFiles.present],
])("in %s, every A&E hospital of every feed file", (_name, aedDir, directoryDir, skip) => {
  it.skipIf(skip)("links to one of the directory's hospitals with an A&E service, each to a different one", () => {
    const directory = JSON.parse(readFileSync(resolve(directoryDir, "facility-hosp.json"), "utf8")) as DirectoryEntry[];
    const hospitals = directory.map((entry) => ({
      id: facilityId(entry.institution_eng),
      names: [entry.institution_eng, entry.institution_tc, entry.institution_sc],
      withAeService: entry.with_AE_service_eng === "Yes",
    }));
    const aeIds = hospitals.filter((hospital) => hospital.withAeService).map((hospital) => hospital.id).sort();
    for (const [file, names] of Object.entries(feedNames(aedDir))) {
      const links = linkHospitalNames(names, hospitals);
      expect(links.unlinked, file).toEqual([]);
      expect(names.map((name) => links.byName.get(name)).sort(), file).toEqual(aeIds);
    }
  });
});
