import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BATCH_SIZE, ingestFile, type IngestProgress, type IngestRequest } from "../src/index.js";
import { ingestFailure, pipelineFixture } from "./support/fixtures.js";
import { openTestStore, tableCounts } from "./support/store.js";

let store: Store;
const scratch = mkdtempSync(join(tmpdir(), "hkhealth-bad-input-"));
beforeAll(async () => {
  store = await openTestStore();
  // Something to leave alone: every failure below must keep the database exactly as it is now.
  await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: pipelineFixture("aed-snapshot-0430.json") });
  await ingestFile(store, { datasetId: "hb-covid19-vaccination-by-age", location: pipelineFixture("vaccination-by-age.csv") });
});
afterAll(async () => {
  await store?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Ingests, expects an IngestError, checks that nothing was written; returns the message. */
async function failureLeavingNothing(request: IngestRequest): Promise<string> {
  const before = await tableCounts(store);
  const message = await ingestFailure(ingestFile(store, request));
  expect(await tableCounts(store)).toEqual(before);
  return message;
}

function scratchFile(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe("JSON", () => {
  it("fails on malformed JSON at its line and column", async () => {
    const path = pipelineFixture("aed-malformed.json");
    const message = await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: path });
    expect(message).toBe(`${path}: line 3, column 1: not valid JSON: comma expected`);
  });

  it("fails on a record that breaks the dataset's row schema, at its JSONPath and field", async () => {
    const path = pipelineFixture("aed-blank-hospital.json");
    const message = await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: path });
    expect(message).toBe(`${path}: $.waitTime[1]: field "hospName": must not be empty (got "  ")`);
  });

  it("fails on an update time that is not a time", async () => {
    const path = pipelineFixture("aed-bad-update-time.json");
    const message = await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: path });
    expect(message).toMatch(new RegExp(`^${escape(path)}: metadata: field "updateTime": "soon" is not a date or date-time`));
  });
});

describe("CSV", () => {
  it("fails on a row with a cell too many, at its line", async () => {
    const path = pipelineFixture("vaccination-extra-cell.csv");
    const message = await failureLeavingNothing({ datasetId: "hb-covid19-vaccination-by-age", location: path });
    expect(message).toBe(`${path}: line 4: expected 15 cells as in the header, got 16`);
  });

  it("fails on a value the dataset does not allow, at its line and field", async () => {
    const path = pipelineFixture("vaccination-bad-sex.csv");
    const message = await failureLeavingNothing({ datasetId: "hb-covid19-vaccination-by-age", location: path });
    expect(message).toBe(`${path}: line 3: field "Sex": must be one of "M", "F" (got "X")`);
  });

  it("fails on a record time that does not parse, at its line and field", async () => {
    const path = scratchFile(
      "history.csv",
      "hospName,topWait,updateTime,updateDate\nCaritas Medical Centre,1.5,2019-04-18 23:45:00,2019-04-18\nKwong Wah Hospital,2.5,yesterday,2019-04-18\n",
    );
    const message = await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: path });
    expect(message).toMatch(new RegExp(`^${escape(path)}: line 3: field "updateTime": "yesterday" is not a date or date-time`));
  });

  it("rolls back records already written when a later row fails", async () => {
    const header = "hospName,topWait,updateTime,updateDate";
    const rows = Array.from({ length: 2 * BATCH_SIZE + 500 }, (_, index) => {
      const minutes = String(index % 60).padStart(2, "0");
      return `Hospital ${index},${index === 2 * BATCH_SIZE + 100 ? "long" : "1.5"},2019-04-18 23:${minutes}:00,2019-04-18`;
    });
    const path = scratchFile("long-history.csv", [header, ...rows].join("\n"));
    const progress: IngestProgress[] = [];
    const message = await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: path, onProgress: (report) => progress.push(report) });
    expect(message).toBe(`${path}: line ${2 * BATCH_SIZE + 102}: field "topWait": must be a number (got "long")`);
    expect(progress.map((report) => report.records)).toEqual([BATCH_SIZE, 2 * BATCH_SIZE]); // written, then undone
  });
});

describe("XLSX", () => {
  it("fails on a workbook cut short", async () => {
    const path = pipelineFixture("truncated.xlsx");
    const message = await failureLeavingNothing({ datasetId: "ha-facility-directory", location: path });
    expect(message).toMatch(new RegExp(`^${escape(path)}: not a readable XLSX workbook`));
  });

  it("fails on a place outside Hong Kong, at its row, sheet and field", async () => {
    const path = pipelineFixture("facility-outside-hong-kong.xlsx");
    const message = await failureLeavingNothing({ datasetId: "ha-facility-directory", location: path });
    expect(message).toBe(`${path}: row 3 of sheet Hospitals: field "latitude": must be a latitude in Hong Kong (22.1 to 22.6 degrees north) (got 23.1291)`);
  });
});

describe("XML", () => {
  it("fails on XML that is not well-formed, at its line", async () => {
    const path = pipelineFixture("ehrss-malformed.xml");
    const message = await failureLeavingNothing({ datasetId: "hb-ehrss-healthcare-providers", location: path });
    expect(message).toMatch(new RegExp(`^${escape(path)}: line 8, column \\d+: not well-formed XML: `));
  });

  it("fails on a child element that repeats inside a record, at its path and field", async () => {
    const path = pipelineFixture("ehrss-repeated-child.xml");
    const message = await failureLeavingNothing({ datasetId: "hb-ehrss-healthcare-providers", location: path });
    expect(message).toBe(`${path}: /hcpList/provider[2]: field "phone": repeats 2 times where one value is expected`);
  });
});

describe("the wrong format", () => {
  // Files not ingested yet: bytes ingested before are a duplicate, whatever format is given.
  it("reads JSON given as CSV as the CSV it is not, and says what it looks like", async () => {
    const path = pipelineFixture("aed-snapshot-0445.json");
    const message = await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: path, format: "CSV" });
    expect(message).toMatch(new RegExp(`^${escape(path)}: line 1: .*\\(the file looks like JSON, not CSV\\)$`));
  });

  it("fails on CSV given as XLSX, XLSX given as JSON and CSV given as XML", async () => {
    const csv = pipelineFixture("vaccination-bad-sex.csv");
    const xlsx = pipelineFixture("facility-gop.xlsx");
    expect(await failureLeavingNothing({ datasetId: "hb-covid19-vaccination-by-age", location: csv, format: "XLSX" })).toMatch(
      new RegExp(`^${escape(csv)}: not a readable XLSX workbook`),
    );
    expect(await failureLeavingNothing({ datasetId: "ha-facility-directory", location: xlsx, format: "JSON" })).toBe(
      `${xlsx}: line 2: is not UTF-8 text: bytes A2 79 cannot be UTF-8 (it is in another encoding, such as Latin-1); save it as UTF-8 (the file looks like XLSX, not JSON)`,
    );
    expect(await failureLeavingNothing({ datasetId: "hb-covid19-vaccination-by-age", location: csv, format: "XML" })).toMatch(
      new RegExp(`^${escape(csv)}: line 1, column \\d+: not well-formed XML`),
    );
  });

  it("fails on a file whose format cannot be told, listing the formats read", async () => {
    const path = pipelineFixture("vaccination-without-extension");
    const message = await failureLeavingNothing({ datasetId: "hb-covid19-vaccination-by-age", location: path });
    expect(message).toBe(`${path}: cannot tell the format from the name or the first bytes; give one of JSON, XLSX, CSV, XML`);
  });
});

describe("requests that cannot be met", () => {
  it("fails on an unknown dataset, suggesting the id meant", async () => {
    const path = pipelineFixture("aed-snapshot-0445.json");
    const message = await failureLeavingNothing({ datasetId: "ha-aed-waiting-times", location: path });
    expect(message).toBe(`${path}: unknown dataset "ha-aed-waiting-times"; did you mean "ha-aed-waiting-time"?`);
  });

  it("fails on an off-plan dataset not registered yet, saying how to register it", async () => {
    const path = pipelineFixture("vaccination-by-age.csv");
    const message = await failureLeavingNothing({ datasetId: "dh-chp-covid19-situation", location: path });
    expect(message).toContain("register it first (pnpm ingest --register dh-chp-covid19-situation)");
  });

  it("fails on a file that is not there", async () => {
    const path = pipelineFixture("no-such-file.json");
    expect(await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: path })).toBe(`${path}: no such file`);
  });

  it("fails on a release the dataset does not have, listing its releases", async () => {
    const path = pipelineFixture("aed-snapshot-0445.json");
    const message = await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: path, releaseId: "ha-aed-waiting-time@2030-01" });
    expect(message).toBe(`${path}: unknown release "ha-aed-waiting-time@2030-01": the releases of ha-aed-waiting-time are ha-aed-waiting-time@2018-12`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
