import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { offPlanDatasets } from "@hkhealth/plan";
import { afterAll, describe, expect, it } from "vitest";
import { readRegistration } from "../src/index.js";
import { ingestFailure } from "./support/fixtures.js";

const folder = mkdtempSync(join(tmpdir(), "hkhealth-registration-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const flu = { id: "dh-chp-flu-express", agency: "DH", titleEn: "Flu Express", titleZh: "流感速遞", updateFrequency: "WEEKLY", formats: ["CSV"] };

function registrationFile(name: string, content: unknown): string {
  writeFileSync(join(folder, name), typeof content === "string" ? content : JSON.stringify(content));
  return name;
}

describe("readRegistration", () => {
  it("knows the CHP COVID-19 datasets by id", async () => {
    expect(offPlanDatasets.map((dataset) => dataset.id)).toEqual(["dh-chp-covid19-situation", "dh-chp-covid19-cases", "dh-chp-covid19-buildings"]);
    expect(await readRegistration("dh-chp-covid19-buildings", folder)).toMatchObject({ agency: "DH", formats: ["CSV"], recordMode: "SNAPSHOT" });
  });

  it("reads a registration file relative to the folder given", async () => {
    const name = registrationFile("flu.json", { ...flu, recordMode: "CUMULATIVE", observedAtField: "Week ending" });
    expect(await readRegistration(name, folder)).toEqual({ ...flu, recordMode: "CUMULATIVE", observedAtField: "Week ending" });
  });

  it("names the file and the field at fault", async () => {
    const path = join(folder, registrationFile("bad-agency.json", { ...flu, agency: "CHP" }));
    expect(await ingestFailure(readRegistration(path, folder))).toBe(`${path}: $: field "agency": Invalid option: expected one of "HB"|"HA"|"DH"`);
    const typo = join(folder, registrationFile("typo.json", { ...flu, recordPth: "rows" }));
    expect(await ingestFailure(readRegistration(typo, folder))).toBe(`${typo}: $: Unrecognized key: "recordPth"`);
    const broken = join(folder, registrationFile("broken.json", "{"));
    expect(await ingestFailure(readRegistration(broken, folder))).toMatch(new RegExp(`^${broken.replace(/[.]/g, "\\.")}: not valid JSON`));
  });

  it("refuses a plan dataset, and a name that is neither a known id nor a file", async () => {
    const path = join(folder, registrationFile("plan.json", { ...flu, id: "ha-aed-waiting-time" }));
    expect(await ingestFailure(readRegistration(path, folder))).toBe(`${path}: $: field "id": ha-aed-waiting-time is a plan dataset; it is loaded from the catalogue, not registered`);
    expect(await ingestFailure(readRegistration("dh-chp-covid19-deaths", folder))).toBe(
      `${join(folder, "dh-chp-covid19-deaths")}: no such file, and no known off-plan dataset has that id (they are dh-chp-covid19-situation, dh-chp-covid19-cases, dh-chp-covid19-buildings)`,
    );
  });
});
