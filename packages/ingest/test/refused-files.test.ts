import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { offPlanDatasets } from "@hkhealth/plan";
import { registerDataset, type Store } from "@hkhealth/store";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile, type IngestRequest } from "../src/index.js";
import { ingestFailure, pipelineFixture } from "./support/fixtures.js";
import { openTestStore, tableCounts } from "./support/store.js";

/*
 * Every kind of file the ingest refuses, whole: one line naming the file, the place and the
 * field, and nothing written, the Ingestion and Source rows included.
 */

const datasetId = "dh-chp-covid19-cases"; // off the plan, no row schema: any fields are accepted
let store: Store;
const scratch = mkdtempSync(join(tmpdir(), "hkhealth-refused-"));
beforeAll(async () => {
  store = await openTestStore();
  const dataset = offPlanDatasets.find((candidate) => candidate.id === datasetId);
  if (!dataset) throw new Error(`${datasetId} is not an off-plan dataset`);
  await registerDataset(store.prisma, dataset);
  // Something to leave alone: every refusal below must keep the database exactly as it is now.
  await ingestFile(store, { datasetId: "hb-covid19-vaccination-by-age", location: pipelineFixture("vaccination-by-age.csv") });
});
afterAll(async () => {
  await store?.close();
  rmSync(scratch, { recursive: true, force: true });
});

let files = 0;
function scratchFile(name: string, content: string | Buffer): string {
  const path = join(scratch, `${++files}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** Ingests, expects an IngestError of one line, checks that nothing was written; returns the message. */
async function refusal(location: string, request: Partial<IngestRequest> = {}): Promise<string> {
  const before = await tableCounts(store);
  const message = await ingestFailure(ingestFile(store, { datasetId, location, ...request }));
  expect(await tableCounts(store)).toEqual(before);
  expect(message).not.toContain("\n");
  return message;
}

const csv = "Case no.,Name\n1,Tsuen Wan\n2,Sha Tin\n";
const json = '[{"Case no.":1,"Name":"Tsuen Wan"},{"Case no.":2,"Name":"Sha Tin"}]';
const xml = '<?xml version="1.0"?><cases><case><no>1</no><name>Tsuen Wan</name></case><case><no>2</no><name>Sha Tin</name></case></cases>';
const texts = { csv, json, xml } as const;
type TextFormat = keyof typeof texts;
const textFormats = Object.keys(texts) as TextFormat[];

function utf16(text: string, order: "LE" | "BE"): Buffer {
  const bytes = Buffer.from(text, "utf16le");
  return order === "LE" ? bytes : bytes.swap16();
}

function utf32(text: string, order: "LE" | "BE"): Buffer {
  const bytes = Buffer.alloc(text.length * 4);
  [...text].forEach((character, index) => {
    const code = character.codePointAt(0) ?? 0;
    if (order === "LE") bytes.writeUInt32LE(code, index * 4);
    else bytes.writeUInt32BE(code, index * 4);
  });
  return bytes;
}

describe("text in another encoding than UTF-8", () => {
  const encodings: ReadonlyArray<readonly [string, (text: string) => Buffer, string]> = [
    ["UTF-16LE with a BOM", (text) => utf16(`\uFEFF${text}`, "LE"), "UTF-16LE (it starts with that byte order mark)"],
    ["UTF-16BE with a BOM", (text) => utf16(`\uFEFF${text}`, "BE"), "UTF-16BE (it starts with that byte order mark)"],
    ["UTF-16LE without a BOM", (text) => utf16(text, "LE"), "UTF-16LE (no byte order mark: a NUL byte after each character)"],
    ["UTF-16BE without a BOM", (text) => utf16(text, "BE"), "UTF-16BE (no byte order mark: a NUL byte before each character)"],
    ["UTF-32LE with a BOM", (text) => utf32(`\uFEFF${text}`, "LE"), "UTF-32LE (it starts with that byte order mark)"],
    ["UTF-32BE with a BOM", (text) => utf32(`\uFEFF${text}`, "BE"), "UTF-32BE (it starts with that byte order mark)"],
    ["UTF-32LE without a BOM", (text) => utf32(text, "LE"), "UTF-32LE (no byte order mark: NUL bytes after each character)"],
    ["UTF-32BE without a BOM", (text) => utf32(text, "BE"), "UTF-32BE (no byte order mark: NUL bytes before each character)"],
  ];
  const cases = encodings.flatMap(([name, encode, found]) => textFormats.map((format) => ({ name, format, encode, found })));

  it.each(cases)("refuses $format in $name, naming the encoding", async ({ format, encode, found }) => {
    const path = scratchFile(`encoded.${format}`, encode(texts[format]));
    expect(await refusal(path)).toBe(`${path}: is encoded as ${found}, not UTF-8: save it as UTF-8`);
  });

  it("refuses a Big5 CSV at the line of its first byte that is not UTF-8, saying it looks like Big5", async () => {
    const path = scratchFile("big5.csv", Buffer.concat([Buffer.from("Case no.,Name\n1,Tsuen Wan\n2,"), Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]), Buffer.from("\n")]));
    expect(await refusal(path)).toBe(`${path}: line 3: is not UTF-8 text: bytes A4 A4 cannot be UTF-8 (it looks like Big5); save it as UTF-8`);
  });

  it.each(["json", "xml"] as const)("refuses a Big5 %s too", async (format) => {
    const big5 = Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]);
    const path = scratchFile(`big5.${format}`, Buffer.concat([Buffer.from(texts[format].replace("Sha Tin", "@@")).subarray(0, texts[format].indexOf("Sha Tin")), big5]));
    expect(await refusal(path)).toMatch(/: line 1: is not UTF-8 text: bytes A4 A4 cannot be UTF-8 \(it looks like Big5\); save it as UTF-8$/);
  });

  it.each(textFormats)("reads %s with a UTF-8 byte order mark", async (format) => {
    const path = scratchFile(`bom.${format}`, `\uFEFF${texts[format]}`);
    const result = await ingestFile(store, { datasetId, location: path, resource: `bom-${format}` });
    expect(result).toMatchObject({ status: "ingested", records: 2 });
  });
});

describe("files without records", () => {
  it.each(["csv", "json", "xml", "xlsx"])("refuses an empty %s file", async (format) => {
    const path = scratchFile(`empty.${format}`, "");
    expect(await refusal(path)).toBe(`${path}: the file is empty (0 bytes)`);
  });

  it.each([
    ["a header-only CSV", "header.csv", "Case no.,Name\n", "no line below the header, or no header"],
    ["a CSV of empty lines", "blank.csv", "\n\n\n", "no line below the header, or no header"],
    ["an empty JSON array", "empty-array.json", "[]", "the array of records is empty"],
    ["a JSON object with an empty array of records", "empty-list.json", '{"updateTime":"2024-01-01","data":[]}', "the array of records is empty"],
  ])("refuses %s", async (_, name, content, why) => {
    const path = scratchFile(name, content);
    expect(await refusal(path)).toBe(`${path}: has no records (${why}), so nothing was written`);
  });

  it.each([
    ["CSV lines of empty cells", "empty-cells.csv", "Case no.,Name\n,\n , \n"],
    ["JSON records without fields", "empty-records.json", "[{}, {}]"],
    ["JSON records of nulls", "null-records.json", '[{"Case no.":null,"Name":""}, {"Case no.":null}]'],
  ])("refuses %s", async (_, name, content) => {
    const path = scratchFile(name, content);
    expect(await refusal(path)).toBe(`${path}: has 2 records but not one value in them, so nothing was written`);
  });

  it.each([
    ["a header-only sheet", [["Case no.", "Name"]]],
    ["an empty sheet", []],
  ])("refuses an XLSX workbook with %s", async (_, rows) => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Cases").addRows(rows);
    const path = join(scratch, `${++files}-sheet.xlsx`);
    await workbook.xlsx.writeFile(path);
    expect(await refusal(path)).toBe(`${path}: has no records (no row below the header in the sheet, or an empty sheet), so nothing was written`);
  });
});

describe("JSON records with a repeated key", () => {
  it("refuses the record, naming its path and the key", async () => {
    const path = scratchFile("repeated-key.json", '{"data":[{"Case no.":1,"Name":"a"},{"Case no.":2,"Name":"b","Name":"c"}]}');
    expect(await refusal(path)).toBe(`${path}: $.data[1]: field "Name": the key appears twice in one object (JSON would keep only the last value)`);
  });

  it("refuses a key repeated in a nested object", async () => {
    const path = scratchFile("repeated-nested-key.json", '[{"Case no.":1,"address":{"street":"a","street":"b"}},{"Case no.":2}]');
    expect(await refusal(path)).toBe(`${path}: $[0].address: field "street": the key appears twice in one object (JSON would keep only the last value)`);
  });
});

describe("characters the database cannot store", () => {
  it("refuses a raw NUL in a CSV cell at its line and field", async () => {
    const path = scratchFile("nul.csv", "Case no.,Name\n1,Tsuen Wan\n2,Sha\u0000Tin\n");
    expect(await refusal(path)).toBe(`${path}: line 3: field "Name": the value has a NUL character (U+0000) at character 4, which the database cannot store`);
  });

  it.each([
    ["\\u0000", "a NUL character (U+0000) at character 4"],
    ["\\ud800", "a lone surrogate (U+D800, half of a character) at character 4"],
    ["\\udfff", "a lone surrogate (U+DFFF, half of a character) at character 4"],
  ])("refuses %s in a JSON string at its record and field", async (escape, found) => {
    const path = scratchFile("escaped.json", `[{"Case no.":1,"Name":"Tsuen Wan"},{"Case no.":2,"Name":"Sha${escape}Tin"}]`);
    expect(await refusal(path)).toBe(`${path}: $[1]: field "Name": the value has ${found}, which the database cannot store`);
  });

  it("refuses a NUL in a JSON key", async () => {
    const path = scratchFile("escaped-key.json", '[{"Case no.":1,"Na\\u0000me":"Tsuen Wan"}]');
    expect(await refusal(path)).toBe(`${path}: $[0]: field "Na\\u0000me": the field's name has a NUL character (U+0000) at character 3, which the database cannot store`);
  });

  it("refuses a raw NUL in XML text at its record and field", async () => {
    const path = scratchFile("nul.xml", "<cases><case><no>1</no></case><case><no>2\u0000</no></case></cases>");
    expect(await refusal(path)).toBe(`${path}: /cases/case[2]: field "no": the value has a NUL character (U+0000) at character 2, which the database cannot store`);
  });

  it.each(["&#0;", "&#x0;", "&#xD800;", "&#1;"])("refuses the XML character reference %s at its line and column", async (reference) => {
    const path = scratchFile("reference.xml", `<cases>\n<case><no>1</no></case>\n<case><no>2${reference}</no></case>\n</cases>`);
    expect(await refusal(path)).toBe(`${path}: line 3, column 12: the character reference ${reference} names a character XML cannot hold`);
  });
});

describe("a file that would change a field's type", () => {
  it("is refused naming the row, the field, its type and the value; earlier records keep theirs", async () => {
    const resource = "type-change";
    await ingestFile(store, { datasetId, resource, location: scratchFile("cases-1.csv", "Case no.,Report date\n1,2020-01-23\n2,2020-01-24\n") });
    const typesBefore = await store.prisma.datasetField.findMany({ where: { datasetId }, orderBy: { name: "asc" } });
    expect(typesBefore.find((field) => field.name === "Case no.")?.type).toBe("NUMBER");

    const textCase = scratchFile("cases-2.csv", "Case no.,Report date\n3,2020-01-25\npending,2020-01-26\n");
    expect(await refusal(textCase, { resource })).toBe(
      `${textCase}: line 3: field "Case no.": "pending" (STRING) does not fit the field's type NUMBER, established by the dataset's earlier files; earlier records keep their type, so the file is refused`,
    );
    const timeForDate = scratchFile("cases-3.csv", "Case no.,Report date\n4,2020-01-27 10:00\n");
    expect(await refusal(timeForDate, { resource })).toMatch(/: line 2: field "Report date": "2020-01-27 10:00" \(DATETIME\) does not fit the field's type DATE,/);
    expect(await store.prisma.datasetField.findMany({ where: { datasetId }, orderBy: { name: "asc" } })).toEqual(typesBefore);
  });

  it("accepts A&E's layouts in any order: their topWait (hours, or text) is declared STRING", async () => {
    const history = scratchFile("aed-history.csv", "hospName,topWait,updateTime,updateDate\nKwong Wah Hospital,1.5,2019-04-18 23:45:00,2019-04-18\n");
    const v1 = scratchFile("aed-v1.json", '{"waitTime":[{"hospName":"Kwong Wah Hospital","topWait":"Over 2 hours"}],"updateTime":"20/4/2019 10:30am"}');
    await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: history });
    expect(await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: v1 })).toMatchObject({ status: "ingested", records: 1 });
    const field = await store.prisma.datasetField.findFirst({ where: { datasetId: "ha-aed-waiting-time", name: "topWait" } });
    expect(field?.type).toBe("STRING");
  });

  it("still makes a new field STRING when its values are mixed within one file", async () => {
    const path = scratchFile("mixed.csv", "Case no.,Mixed field\n5,12\n6,twelve\n");
    expect(await ingestFile(store, { datasetId, resource: "mixed", location: path })).toMatchObject({ status: "ingested", records: 2 });
    const field = await store.prisma.datasetField.findFirst({ where: { datasetId, name: "Mixed field" } });
    expect(field?.type).toBe("STRING");
  });
});

describe("XML entities and nesting", () => {
  it("refuses an external entity (XXE) without reading it, at its line", async () => {
    const secret = scratchFile("secret.txt", "do not read me");
    const path = scratchFile("xxe.xml", `<?xml version="1.0"?>\n<!DOCTYPE cases [<!ENTITY xxe SYSTEM "file://${secret}">]>\n<cases><case><no>&xxe;</no></case><case><no>2</no></case></cases>`);
    expect(await refusal(path)).toBe(
      `${path}: line 2, column 1: has a document type declaration (<!DOCTYPE or <!ENTITY): entities and external references are never read, so the file is refused`,
    );
  });

  it("refuses nested internal entities (billion laughs), at their line", async () => {
    const levels = Array.from({ length: 10 }, (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`).join("\n");
    const path = scratchFile("laughs.xml", `<?xml version="1.0"?>\n<!DOCTYPE cases [\n<!ENTITY l0 "ha">\n${levels}\n]>\n<cases><case><no>&l10;</no></case><case><no>2</no></case></cases>`);
    expect(await refusal(path)).toMatch(/: line 2, column 1: has a document type declaration \(<!DOCTYPE or <!ENTITY\)/);
  });

  it("refuses elements nested too deep, at the line and column, in one line", async () => {
    const deep = `${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}`;
    const path = scratchFile("deep.xml", `<cases>\n<case><no>1</no></case>\n<case>${deep}</case>\n</cases>`);
    expect(await refusal(path)).toBe(`${path}: line 3, column 97: elements are nested more than 32 deep (INGEST_MAX_NESTING)`);
  });

  it("refuses JSON nested too deep, at the line and column, in one line", async () => {
    const path = scratchFile("deep.json", `[\n{"Case no.":1,"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}]`);
    expect(await refusal(path)).toBe(`${path}: line 2, column 49: objects and arrays are nested more than 32 deep (INGEST_MAX_NESTING)`);
  });
});

describe("files too large to buffer", () => {
  it("refuses a CSV line longer than the record limit, at its line", async () => {
    const path = scratchFile("long-line.csv", `Case no.,Name\n1,${"x".repeat(5_000)}\n`);
    expect(await refusal(path, { limits: { maxRecordCharacters: 1_000 } })).toBe(
      `${path}: line 2: the record is longer than the 1,000 characters one record may have (INGEST_MAX_RECORD_CHARACTERS)`,
    );
  });

  it.each(["json", "xml"] as const)("refuses a %s record longer than the record limit, at its place", async (format) => {
    const long = "x".repeat(5_000);
    const path = scratchFile(`long-record.${format}`, texts[format].replace("Sha Tin", long));
    expect(await refusal(path, { limits: { maxRecordCharacters: 1_000 } })).toMatch(
      /: (\$\[1\]|\/cases\/case\[2\]): the record is longer than the 1,000 characters one record may have \(INGEST_MAX_RECORD_CHARACTERS\)$/,
    );
  });

  it.each(["json", "xml"] as const)("refuses a %s file larger than the document limit", async (format) => {
    const path = scratchFile(`large.${format}`, texts[format]);
    expect(await refusal(path, { limits: { maxDocumentBytes: 50 } })).toBe(
      `${path}: is larger than the 50 bytes a file of this format may have (INGEST_MAX_DOCUMENT_BYTES)`,
    );
  });
});
