import { districtHealthCentreFields, ehrssHealthcareProviders } from "@hkhealth/plan";
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { parseJson, parseXml, type FormatParser, type RawRow } from "@hkhealth/ingest";
import { describe, expect, it } from "vitest";

const dhcLayout = districtHealthCentreFields;
const ehrssLayout = ehrssHealthcareProviders.fields;

// The fixtures read by the ingest's own readers: the keys the typed views query are the keys
// those readers produce from files in the assumed layouts.

const fixture = (name: string) => resolve(import.meta.dirname, "fixtures", name);

async function read(parser: FormatParser, name: string) {
  const parsed = await parser({ source: name, open: () => createReadStream(fixture(name)) });
  const rows: RawRow[] = [];
  for await (const row of parsed.rows) rows.push(row);
  return { metadata: parsed.metadata, rows };
}

/** Every key a layout table names. */
function keysOf(layout: object): string[] {
  return Object.values(layout).flatMap((value: string | { en: string; zh: string }) => (typeof value === "string" ? [value] : [value.en, value.zh]));
}

describe("District Health Centre fixtures", () => {
  it("hold one object per main centre with every key of the layout; the Express file has no opening hours", async () => {
    const main = await read(parseJson, "dhc-main-centres.json");
    const express = await read(parseJson, "dhc-express-main-centres.json");
    expect(main.rows).toHaveLength(4);
    expect(express.rows).toHaveLength(3);
    for (const row of main.rows) expect(Object.keys(row.fields).sort()).toEqual(keysOf(dhcLayout).sort());
    const withoutHours = keysOf(dhcLayout).filter((key) => !key.startsWith("opening_hours"));
    for (const row of express.rows) expect(Object.keys(row.fields).sort()).toEqual(withoutHours.sort());
    expect(main.rows[0]?.fields).toMatchObject({ name_tc: "葵青地區康健中心", district_en: "Kwai Tsing", latitude: 22.3571 });
  });
});

describe("eHRSS provider fixture", () => {
  it("is read by the XML reader into one record per <provider>, nested elements as dot keys", async () => {
    const { metadata, rows } = await read(parseXml, "ehrss-healthcare-providers.xml");
    expect(metadata).toEqual({ lastUpdateDate: "2024-03-28" });
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({
      ordinal: 1,
      location: "/hcpList/provider[1]",
      fields: {
        "category.en": "Private Hospital",
        "category.tc": "私家醫院",
        "name.en": "Hong Kong Sanatorium & Hospital",
        "name.tc": "養和醫院",
        "district.en": "Wan Chai",
        "district.tc": "灣仔區",
        "address.en": "2 Village Road, Happy Valley",
        "address.tc": "跑馬地山村道2號",
        telephone: "2000 1001",
      },
    });
    for (const row of rows) expect(keysOf(ehrssLayout)).toEqual(expect.arrayContaining(Object.keys(row.fields)));
    // A medical group practises in several places: no district, no address.
    expect(Object.keys(rows[9]?.fields ?? {}).sort()).toEqual(["category.en", "category.tc", "name.en", "name.tc", "telephone"]);
  });
});
