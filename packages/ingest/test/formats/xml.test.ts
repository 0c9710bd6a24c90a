import { describe, expect, it } from "vitest";
import { parseXml } from "../../src/formats/xml.js";
import { failureOf, fileInput, fixture, readAll, startingWith } from "./read.js";

describe("parseXml", () => {
  it("reads an eHealth-style provider list: the repeated element, attributes, nested elements, metadata", async () => {
    const { metadata, rows } = await readAll(parseXml, fileInput(fixture("ehealth-providers.xml")));
    expect(metadata).toEqual({
      "@generated": "2024-05-01T10:00:00+08:00",
      "@lang": "en",
      title: "Healthcare providers joined eHealth",
      count: "4",
    });
    expect(rows.map((row) => row.location)).toEqual([
      "/hcpList/provider[1]",
      "/hcpList/provider[2]",
      "/hcpList/provider[3]",
      "/hcpList/provider[4]",
    ]);
    expect(rows[0]).toEqual({
      ordinal: 1,
      location: "/hcpList/provider[1]",
      fields: { "@id": "P001", name_en: "Harbour Medical Centre", name_tc: "海港醫務中心", type: "Clinic", district: "Central & Western" },
    });
    expect(rows[2]?.fields).toMatchObject({
      address: "1 Hiram's Highway",
      "address.@lang": "en",
      "address.building": "Sai Kung Garden",
    });
    expect(rows[3]?.fields).toMatchObject({ name_tc: "" });
  });

  it("reads the elements at recordPath", async () => {
    const { rows } = await readAll(parseXml, fileInput(fixture("two-lists.xml"), { recordPath: "directory.hospitals.hospital" }));
    expect(rows).toEqual([
      { ordinal: 1, location: "/directory/hospitals/hospital[1]", fields: { name: "Queen Elizabeth Hospital" } },
      { ordinal: 2, location: "/directory/hospitals/hospital[2]", fields: { name: "Kwong Wah Hospital" } },
    ]);
  });

  it("fails on a malformed document with the validator's line and column", async () => {
    const path = fixture("malformed.xml");
    const message = await failureOf(readAll(parseXml, fileInput(path)));
    expect(message).toMatch(startingWith(path, `: line 5, column \\d+: not well-formed XML: .*'district'`));
  });

  it("fails on a record whose child element repeats, at the record's path", async () => {
    const path = fixture("repeated-child.xml");
    const message = await failureOf(readAll(parseXml, fileInput(path)));
    expect(message).toBe(`${path}: /hcpList/provider[2]: field "phone": repeats 2 times where one value is expected`);
  });

  it("fails when several elements repeat, listing them", async () => {
    const path = fixture("two-lists.xml");
    const message = await failureOf(readAll(parseXml, fileInput(path)));
    expect(message).toBe(
      `${path}: /directory: cannot tell which element is the record: several elements repeat: directory.clinics.clinic, directory.hospitals.hospital; give recordPath`,
    );
  });

  it("fails on a JSON file", async () => {
    const path = fixture("aedwtdata2-en.json");
    const message = await failureOf(readAll(parseXml, fileInput(path)));
    expect(message).toBe(`${path}: line 1, column 1: not well-formed XML: char '{' is not expected.`);
  });
});
