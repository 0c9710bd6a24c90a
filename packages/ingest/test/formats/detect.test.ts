import { describe, expect, it } from "vitest";
import { detectFormat, parseCsv, parseJson, parsers, parseXlsx, parseXml } from "../../src/formats/index.js";

describe("detectFormat", () => {
  it.each([
    ["https://www.ha.org.hk/opendata/aed/aedwtdata2-en.json", "JSON"],
    ["https://www.chp.gov.hk/files/misc/building_list_eng.CSV?lang=en#top", "CSV"],
    ["quota.xlsx", "XLSX"],
    ["/data/providers.xml", "XML"],
  ] as const)("reads the extension of %s", (name, format) => {
    expect(detectFormat(name, "text/plain")).toBe(format);
  });

  it.each([
    ["application/json; charset=utf-8", "JSON"],
    ["application/geo+json", "JSON"],
    ["text/csv", "CSV"],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"],
    ["application/xml", "XML"],
    ["text/xml; charset=UTF-8", "XML"],
  ] as const)("falls back on the content type %s", (contentType, format) => {
    expect(detectFormat("https://example.org/download?id=1", contentType)).toBe(format);
  });

  it.each([
    [Buffer.from("PK\x03\x04\x14\x00", "latin1"), "XLSX"],
    [Buffer.from('\uFEFF  {"waitTime":[]}'), "JSON"],
    [Buffer.from("\n[\n  {"), "JSON"],
    [Buffer.from('<?xml version="1.0"?>'), "XML"],
  ] as const)("then sniffs the first bytes", (firstBytes, format) => {
    expect(detectFormat("download", "application/octet-stream", firstBytes)).toBe(format);
  });

  it("does not guess CSV from content", () => {
    expect(detectFormat("download", undefined, Buffer.from("a,b\n1,2\n"))).toBeUndefined();
  });

  it("has a parser for each format", () => {
    expect(parsers).toEqual({ JSON: parseJson, XLSX: parseXlsx, CSV: parseCsv, XML: parseXml });
  });
});
