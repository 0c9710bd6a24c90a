import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/formats/csv.js";
import { failureOf, fileInput, fixture, readAll } from "./read.js";

describe("parseCsv", () => {
  it("reads a BOM-prefixed, fully quoted file (HB vaccination by age)", async () => {
    const { metadata, rows } = await readAll(parseCsv, fileInput(fixture("vaccination-rates-over-time-by-age.csv")));
    expect(metadata).toEqual({});
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      ordinal: 1,
      location: "line 2",
      fields: {
        Date: "2021-02-22",
        "Age Group": "30-39",
        Sex: "M",
        "Sinovac 1st dose": "1",
        "Sinovac 2nd dose": "0",
        "BioNTech 1st dose": "0",
        "BioNTech 2nd dose": "0",
      },
    });
    expect(rows[3]).toMatchObject({ ordinal: 4, location: "line 5", fields: { "Age Group": "12-19", "BioNTech 1st dose": "" } });
  });

  it("reads a CRLF file with day-first dates and empty cells (DH CHP)", async () => {
    const { rows } = await readAll(parseCsv, fileInput(fixture("latest_situation_of_reported_cases_covid_19_eng.csv")));
    expect(rows.map((row) => row.location)).toEqual(["line 2", "line 3", "line 4", "line 5"]);
    expect(rows[0]?.fields).toMatchObject({ "As of date": "08/01/2020", "As of time": "12:00", "Number of ruled out cases": "21" });
    expect(rows[2]?.fields).toMatchObject({
      "As of date": "24/03/2022",
      "As of time": "",
      "Number of cases tested positive for SARS-CoV-2 virus by rapid antigen tests": "4206",
    });
  });

  it("gives the line where a record starts, past multi-line quoted fields and skipped empty lines", async () => {
    const { rows } = await readAll(parseCsv, fileInput(fixture("multiline-quoted.csv")));
    expect(rows.map(({ ordinal, location }) => ({ ordinal, location }))).toEqual([
      { ordinal: 1, location: "line 2" },
      { ordinal: 2, location: "line 5" },
      { ordinal: 3, location: "line 8" },
    ]);
    expect(rows[0]?.fields["Building name"]).toBe("Imperial\r\nKennedy");
    expect(rows[1]?.fields["Related cases"]).toBe("2,\r\n3");
    expect(rows[2]?.fields["Building name"]).toBe('Tower "A"');
  });

  it("fails on a row with a different number of cells, naming the line and the counts", async () => {
    const path = fixture("wrong-cell-count.csv");
    const message = await failureOf(readAll(parseCsv, fileInput(path)));
    expect(message).toBe(`${path}: line 3: expected 3 cells as in the header, got 4`);
  });

  it("fails on an unclosed quote at the line where the record starts", async () => {
    const path = fixture("unclosed-quote.csv");
    const message = await failureOf(readAll(parseCsv, fileInput(path)));
    expect(message).toContain(`${path}: line 3: `);
    expect(message).toContain("never closed");
  });

  it("fails on a stray quote at its line, though records before it had not been handed over", async () => {
    const path = fixture("stray-quote.csv");
    const message = await failureOf(readAll(parseCsv, fileInput(path)));
    expect(message).toBe(
      `${path}: line 4: field "Building name": a quote appears inside an unquoted field (quote the whole field and double inner quotes)`,
    );
  });

  it("fails on a repeated header name, naming the column and the field", async () => {
    const path = fixture("duplicate-header.csv");
    const message = await failureOf(readAll(parseCsv, fileInput(path)));
    expect(message).toBe(`${path}: line 1: field "Date": column 3 of the header repeats the name of column 1`);
  });

  it("fails on an empty header name, naming the column", async () => {
    const path = fixture("empty-header.csv");
    const message = await failureOf(readAll(parseCsv, fileInput(path)));
    expect(message).toBe(`${path}: line 1: column 2 of the header has no name`);
  });

  it("fails on a JSON file, saying what the file looks like", async () => {
    const path = fixture("aedwtdata2-en.json");
    const message = await failureOf(readAll(parseCsv, fileInput(path)));
    expect(message).toContain(`${path}: line 1: `);
    expect(message).toContain("(the file looks like JSON, not CSV)");
  });

  it("keeps a column named __proto__ as a field", async () => {
    const open = () => Readable.from([Buffer.from("__proto__,name\nx,y\n")]);
    const { rows } = await readAll(parseCsv, { source: "proto.csv", open });
    expect(Object.hasOwn(rows[0]?.fields ?? {}, "__proto__")).toBe(true);
    expect(Object.entries(rows[0]?.fields ?? {})).toEqual([["__proto__", "x"], ["name", "y"]]);
  });

  it("counts lines across small chunks, quoted line breaks and empty lines", async () => {
    const lines = ["id,note"];
    const starts: number[] = [];
    let line = 2;
    for (let index = 1; index <= 3000; index++) {
      if (index % 97 === 0) {
        lines.push("");
        line += 1;
      }
      starts.push(line);
      const breaks = index % 50 === 0 ? 1 : index % 77 === 0 ? 2 : 0;
      lines.push(breaks === 1 ? `${index},"two\r\nlines"` : breaks === 2 ? `${index},"three\nshort\rlines"` : `${index},plain`);
      line += 1 + breaks;
    }
    const text = lines.join("\r\n");
    const chunks = Array.from({ length: Math.ceil(text.length / 61) }, (_, index) => Buffer.from(text.slice(index * 61, (index + 1) * 61)));
    const { rows } = await readAll(parseCsv, { source: "chunked.csv", open: () => Readable.from(chunks) });
    expect(rows.map((row) => row.location)).toEqual(starts.map((line) => `line ${line}`));
  });

  it("opens the file only when rows are read", async () => {
    let opened = 0;
    const path = fixture("vaccination-rates-over-time-by-age.csv");
    const parsed = await parseCsv({ ...fileInput(path), open: () => (opened++, fileInput(path).open()) });
    expect(opened).toBe(0);
    for await (const row of parsed.rows) {
      expect(row.ordinal).toBe(1);
      break; // stopping early closes the file
    }
    expect(opened).toBe(1);
  });
});
