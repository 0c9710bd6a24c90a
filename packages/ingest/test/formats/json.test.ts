import { describe, expect, it } from "vitest";
import { parseJson } from "../../src/formats/json.js";
import { failureOf, fileInput, fixture, readAll, startingWith } from "./read.js";

describe("parseJson", () => {
  it("reads HA's A&E waiting time: records from the one array, updateTime as metadata", async () => {
    const { metadata, rows } = await readAll(parseJson, fileInput(fixture("aedwtdata2-en.json")));
    expect(metadata).toEqual({ updateTime: "20/1/2026 4:30AM" });
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual({
      ordinal: 3,
      location: "$.waitTime[2]",
      fields: {
        hospName: "Kwong Wah Hospital",
        t1wt: "0 minute",
        manageT1case: "N",
        t2wt: "less than 15 minutes",
        manageT2case: "N",
        t3p50: "29 minutes",
        t3p95: "82 minutes",
        t45p50: "3.5 hours",
        t45p95: "4.5 hours",
      },
    });
  });

  it("reads a pretty-printed root array (HA facility directory), keeping numbers", async () => {
    const { metadata, rows } = await readAll(parseJson, fileInput(fixture("facility-hosp.json")));
    expect(metadata).toEqual({});
    expect(rows.map((row) => row.location)).toEqual(["$[0]", "$[1]", "$[2]"]);
    expect(rows[1]?.fields).toMatchObject({
      institution_eng: "Pamela Youde Nethersole Eastern Hospital",
      institution_tc: "東區尤德夫人那打素醫院",
      with_AE_service_eng: "Yes",
      latitude: 22.269612,
      longitude: 114.236503,
    });
  });

  it("reads the array at recordPath and flattens nested objects and arrays to dot keys", async () => {
    const { metadata, rows } = await readAll(parseJson, fileInput(fixture("nested-records.json"), { recordPath: "data.items" }));
    expect(metadata).toEqual({ generated: "2024-05-01", count: 2 });
    expect(rows[0]).toEqual({
      ordinal: 1,
      location: "$.data.items[0]",
      fields: {
        name: "Clinic A",
        "address.street": "1 Main Street",
        "address.district": "Eastern",
        "phones.0": "2345 6789",
        "phones.1": "2345 6790",
        open: true,
        note: null,
      },
    });
    expect(rows[1]?.fields).toMatchObject({ phones: null, open: false, note: "closed on Sunday" });
  });

  it("fails on a record that is not an object, at its JSONPath", async () => {
    const path = fixture("aed-non-object-record.json");
    const message = await failureOf(readAll(parseJson, fileInput(path)));
    expect(message).toBe(`${path}: $.waitTime[3]: a record must be an object, this is a string ("Princess Margaret Hospital")`);
  });

  it("fails on a syntax error with its line and column", async () => {
    const path = fixture("malformed.json");
    const message = await failureOf(readAll(parseJson, fileInput(path)));
    expect(message).toBe(`${path}: line 4, column 5: not valid JSON: comma expected`);
  });

  it("fails when several arrays could hold the records, listing them", async () => {
    const path = fixture("aed-two-arrays.json");
    const message = await failureOf(readAll(parseJson, fileInput(path)));
    expect(message).toContain(`${path}: $: cannot tell which array holds the records`);
    expect(message).toContain("waitTime (1 items), closed (1 items)");
  });

  it("fails when recordPath leads nowhere", async () => {
    const path = fixture("nested-records.json");
    const message = await failureOf(readAll(parseJson, fileInput(path, { recordPath: "data.rows" })));
    expect(message).toBe(`${path}: $.data: recordPath "data.rows" not found: $.data has no property "rows"`);
  });

  it("fails on text that is not UTF-8 (a Big5 file)", async () => {
    const path = fixture("big5.json");
    const message = await failureOf(readAll(parseJson, fileInput(path)));
    expect(message).toBe(`${path}: line 1: is not UTF-8 text: bytes A4 A4 cannot be UTF-8 (it looks like Big5); save it as UTF-8`);
  });

  it("fails on a CSV file", async () => {
    const path = fixture("latest_situation_of_reported_cases_covid_19_eng.csv");
    const message = await failureOf(readAll(parseJson, fileInput(path)));
    expect(message).toMatch(startingWith(path, `: line 1, column \\d+: not valid JSON: `));
  });
});
