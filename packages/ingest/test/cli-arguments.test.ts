import { describe, expect, it } from "vitest";
import { parseCommand, UsageError } from "../src/cli/arguments.js";
import { summaryLine } from "../src/cli/summary.js";

describe("parseCommand", () => {
  it("reads an ingest with every option", () => {
    expect(
      parseCommand(["ha-aed-waiting-time", "data/aed.json", "--format", "JSON", "--observed-at", "2026-01-20T04:30", "--release", "ha-aed-waiting-time@2018-12", "--resource", "feed"]),
    ).toEqual({
      kind: "ingest",
      datasetId: "ha-aed-waiting-time",
      location: "data/aed.json",
      format: "JSON",
      observedAt: new Date("2026-01-20T04:30:00+08:00"), // no zone: Hong Kong time
      releaseId: "ha-aed-waiting-time@2018-12",
      resource: "feed",
    });
  });

  it("reads a registration", () => {
    expect(parseCommand(["--register", "dh-chp-covid19-cases"])).toEqual({ kind: "register", target: "dh-chp-covid19-cases" });
  });

  it.each([
    [[], "give a dataset id and a file or URL"],
    [["ha-aed-waiting-time"], "give a dataset id and a file or URL"],
    [["a", "b", "c"], 'unexpected argument "c"'],
    [["a", "b", "--format", "pdf"], '--format must be one of json, csv, xlsx, xml, not "pdf"'],
    [["a", "b", "--observed-at", "yesterday"], "--observed-at must be an ISO date-time"],
    [["a", "b", "--colour"], "Unknown option '--colour'"],
    [["--register", "x", "b"], "--register takes a dataset id or a file, and nothing else"],
  ])("refuses %j", (args, message) => {
    expect(() => parseCommand(args)).toThrow(UsageError);
    expect(() => parseCommand(args)).toThrow(message);
  });
});

describe("summaryLine", () => {
  it("says what was ingested, with the observation time in Hong Kong", () => {
    expect(
      summaryLine({ status: "ingested", datasetId: "ha-aed-waiting-time", location: "/x/history.csv", records: 39690, observedAt: new Date("2019-05-11T15:30:00Z") }),
    ).toBe("ingested 39,690 records into ha-aed-waiting-time from /x/history.csv (observed 2019-05-11T23:30:00+08:00)");
  });
});
