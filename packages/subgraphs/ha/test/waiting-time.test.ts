import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseWaitingTime, WaitBound, waitingTimeFromHours, waitingTimeOfValue } from "../src/waiting-time/parse-waiting-time.js";
import { ownFixtures, realHaFiles } from "./shared-fixtures.js";

const { EXACT, AT_MOST, AT_LEAST, ABOUT } = WaitBound;

describe("parseWaitingTime", () => {
  it.each([
    ["0 minute", 0, EXACT],
    ["28 minutes", 28, EXACT],
    ["77 minutes", 77, EXACT],
    ["less than 15 minutes", 15, AT_MOST],
    ["0 hour", 0, EXACT],
    ["0.5 hours", 30, EXACT],
    ["1 hour", 60, EXACT],
    ["3 hours", 180, EXACT],
    ["3.5 hours", 210, EXACT],
    ["7.5 hours", 450, EXACT],
    ["Over 1 hour", 60, AT_LEAST],
    ["Over 4 hours", 240, AT_LEAST],
    ["Over 8 hours", 480, AT_LEAST],
    ["Around 1 hour", 60, ABOUT],
  ] as const)("reads HA's %j as %i minutes, %s", (text, minutes, bound) => {
    expect(parseWaitingTime(text)).toEqual({ text, minutes, bound });
  });

  it("ignores case and spacing, and keeps the text exactly as published", () => {
    expect(parseWaitingTime("  LESS THAN   15 Minutes ")).toEqual({ text: "  LESS THAN   15 Minutes ", minutes: 15, bound: AT_MOST });
    expect(parseWaitingTime("over 2 HOURS")).toMatchObject({ minutes: 120, bound: AT_LEAST });
  });

  it("reads the Chinese feeds' wording", () => {
    expect(parseWaitingTime("少於15分鐘")).toMatchObject({ minutes: 15, bound: AT_MOST });
    expect(parseWaitingTime("超過 4 小時")).toMatchObject({ minutes: 240, bound: AT_LEAST });
    expect(parseWaitingTime("約1小時")).toMatchObject({ minutes: 60, bound: ABOUT });
    expect(parseWaitingTime("28分鐘")).toMatchObject({ minutes: 28, bound: EXACT });
  });

  it.each(["", "N/A", "Suspended", "a long time", "15", "Over hours", "minutes 15"])("keeps unreadable %j as text with no minutes, never throwing", (text) => {
    expect(parseWaitingTime(text)).toEqual({ text, minutes: null, bound: ABOUT });
  });
});

describe("the 2019 history's numbers of hours", () => {
  it("are minutes as written, ABOUT: a third party's midpoint coding of HA's v1 text", () => {
    expect(waitingTimeFromHours(3.5)).toEqual({ text: "3.5", minutes: 210, bound: ABOUT });
    expect(waitingTimeFromHours(0.5)).toEqual({ text: "0.5", minutes: 30, bound: ABOUT });
    expect(waitingTimeFromHours(8.5)).toEqual({ text: "8.5", minutes: 510, bound: ABOUT });
  });

  it("are told from text by the stored value's type; a missing value is no waiting time", () => {
    expect(waitingTimeOfValue(2.5)).toEqual({ text: "2.5", minutes: 150, bound: ABOUT });
    expect(waitingTimeOfValue("Over 2 hours")).toEqual({ text: "Over 2 hours", minutes: 120, bound: AT_LEAST });
    expect(waitingTimeOfValue(null)).toBeNull();
    expect(waitingTimeOfValue(undefined)).toBeNull();
    expect(waitingTimeOfValue("  ")).toBeNull();
  });
});

const waitFields = ["t1wt", "t2wt", "t3p50", "t3p95", "t45p50", "t45p95", "topWait"];

/** Every waiting-time text in a feed file. */
function textsOf(file: string): string[] {
  const feed = JSON.parse(readFileSync(file, "utf8")) as { waitTime: Array<Record<string, string>> };
  return feed.waitTime.flatMap((item) => waitFields.flatMap((field) => (item[field] === undefined ? [] : [item[field]])));
}

/** The topWait numbers of a history file. */
function historyHoursOf(file: string): number[] {
  const [header = "", ...lines] = readFileSync(file, "utf8").trim().split("\n");
  const column = header.split(",").indexOf("topWait");
  return [...new Set(lines.map((line) => Number(line.split(",")[column])))];
}

describe.each([
  ["our fixtures", ownFixtures, false],
  [realHaFiles.title("the real published files"), realHaFiles.path("fixtures/ha-aed-waiting-time"), !realHaFiles.present],
])("every waiting time in %s", (_name, dir, skip) => {
  it.skipIf(skip)("is read to a number of minutes", () => {
    const texts = [...new Set([...textsOf(resolve(dir, "aedwtdata2-en.json")), ...textsOf(resolve(dir, "aedwtdata-en.v1.json"))])];
    expect(texts.length).toBeGreaterThan(5);
    const unread = texts.filter((text) => parseWaitingTime(text).minutes === null);
    expect(unread).toEqual([]);
    const hours = historyHoursOf(resolve(dir, "history-2019.csv"));
    expect(hours.every((value) => Number.isFinite(value) && waitingTimeFromHours(value).minutes === Math.round(value * 60))).toBe(true);
  });
});
