import { describe, expect, it } from "vitest";
import { mergeFieldType, normaliseValue, parseHongKongDateTime, type FieldType } from "../../src/values.js";

describe("normaliseValue", () => {
  it.each([
    [null, null, null],
    ["", null, null],
    ["   ", null, null],
    [12, 12, "NUMBER"],
    [22.269612, 22.269612, "NUMBER"],
    [true, true, "BOOLEAN"],
    [false, false, "BOOLEAN"],
  ] as const)("keeps %j as %j (%s)", (raw, value, type) => {
    expect(normaliseValue(raw)).toEqual({ value, type });
  });

  it.each([
    ["12", 12],
    ["-3.5", -3.5],
    ["0", 0],
    [" 42 ", 42],
    ["0.5", 0.5],
  ])("reads the canonical number %j as %j", (raw, value) => {
    expect(normaliseValue(raw)).toEqual({ value, type: "NUMBER" });
  });

  it.each(["1,234", "001", "1e5", ".5", "5.", "-0", "+1", "0x10", "Infinity", "NaN", "true", "false", "Over 2 hours", "3.5 hours", "<1", "12:00"])(
    "keeps %j as text",
    (raw) => {
      expect(normaliseValue(raw)).toEqual({ value: raw, type: "STRING" });
    },
  );

  it("trims text", () => {
    expect(normaliseValue("  Kwong Wah Hospital \t")).toEqual({ value: "Kwong Wah Hospital", type: "STRING" });
  });

  it.each([
    ["2021-02-22", "2021-02-22"],
    ["08/01/2020", "2020-01-08"],
    ["8/1/2020", "2020-01-08"],
    ["29/02/2020", "2020-02-29"],
    ["31/12/2021", "2021-12-31"],
  ])("reads the date %j as %j", (raw, value) => {
    expect(normaliseValue(raw)).toEqual({ value, type: "DATE" });
  });

  it.each(["2021-02-30", "2021-13-01", "29/02/2021", "31/04/2021", "13/13/2020", "22-02-21", "2021/02/22", "1/2/21"])("keeps the impossible or unknown date %j as text", (raw) => {
    expect(normaliseValue(raw)).toEqual({ value: raw, type: "STRING" });
  });

  it.each([
    ["2019-04-18 23:45:00", "2019-04-18T23:45:00+08:00"],
    ["2019-04-18T23:45", "2019-04-18T23:45:00+08:00"],
    ["2019-04-18T23:45:00.250", "2019-04-18T23:45:00.250+08:00"],
    ["20/1/2026 4:30AM", "2026-01-20T04:30:00+08:00"],
    ["9/3/2020 6:30pm", "2020-03-09T18:30:00+08:00"],
    ["9/3/2020 12:05 am", "2020-03-09T00:05:00+08:00"],
    ["9/3/2020 12:05PM", "2020-03-09T12:05:00+08:00"],
    ["08/01/2020 23:59", "2020-01-08T23:59:00+08:00"],
    ["2024-01-05T09:30:00", "2024-01-05T09:30:00+08:00"],
  ])("reads the local date-time %j as Hong Kong time %j", (raw, value) => {
    expect(normaliseValue(raw)).toEqual({ value, type: "DATETIME" });
  });

  it.each([
    ["2026-01-19T20:30:00Z", "2026-01-20T04:30:00+08:00"],
    ["2026-01-20T04:30:00+08:00", "2026-01-20T04:30:00+08:00"],
    ["2026-01-19T22:30:00+02:00", "2026-01-20T04:30:00+08:00"],
    ["2026-01-19T15:30:00-0500", "2026-01-20T04:30:00+08:00"],
    ["2021-12-31T23:00:00.5Z", "2022-01-01T07:00:00.500+08:00"],
  ])("writes the zoned date-time %j with Hong Kong's offset: %j", (raw, value) => {
    expect(normaliseValue(raw)).toEqual({ value, type: "DATETIME" });
  });

  it("writes a local date-time as the same Hong Kong time that its instant has, in any year", () => {
    // normaliseValue writes a time without a zone back as read; here it goes through the instant.
    const viaInstant = (text: string) => {
      const instant = parseHongKongDateTime(text);
      if (instant === undefined) return undefined;
      const local = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
      return `${local.endsWith(".000Z") ? local.slice(0, 19) : local.slice(0, 23)}+08:00`;
    };
    const texts = ["0000-01-01T00:00", "0001-02-28 23:59:59.999", "0099-12-31T12:00:00.5", "1900-02-28T00:00:01", "2024-02-29 00:00:00.010", "9999-12-31T23:59:59"];
    for (let step = 0; step < 500; step++) {
      const year = String((step * 7919) % 10_000).padStart(4, "0");
      const month = String((step % 12) + 1).padStart(2, "0");
      const day = String((step % 28) + 1).padStart(2, "0");
      const time = `${String(step % 24).padStart(2, "0")}:${String((step * 13) % 60).padStart(2, "0")}:${String((step * 17) % 60).padStart(2, "0")}`;
      texts.push(`${year}-${month}-${day}T${time}${step % 3 === 0 ? `.${step % 1000}` : ""}`, `${Number(day)}/${Number(month)}/${year} ${(step % 12) + 1}:${String(step % 60).padStart(2, "0")}${step % 2 ? "PM" : "am"}`);
    }
    for (const text of texts) expect({ text, ...normaliseValue(text) }).toEqual({ text, value: viaInstant(text), type: "DATETIME" });
  });

  it.each(["2019-04-18 24:00", "2019-04-18T23:60", "20/1/2026 13:30PM", "20/1/2026 0:30AM", "2019-04-18T10:00+25:00"])("keeps the impossible time %j as text", (raw) => {
    expect(normaliseValue(raw)).toEqual({ value: raw, type: "STRING" });
  });
});

describe("parseHongKongDateTime", () => {
  it("reads HA's update times as Hong Kong time", () => {
    expect(parseHongKongDateTime("20/1/2026 4:30AM")?.toISOString()).toBe("2026-01-19T20:30:00.000Z");
    expect(parseHongKongDateTime("9/3/2020 6:30pm")?.toISOString()).toBe("2020-03-09T10:30:00.000Z");
    expect(parseHongKongDateTime(" 2019-04-18 23:45:00 ")?.toISOString()).toBe("2019-04-18T15:45:00.000Z");
  });

  it("takes a date alone as midnight in Hong Kong", () => {
    expect(parseHongKongDateTime("08/01/2020")?.toISOString()).toBe("2020-01-07T16:00:00.000Z");
  });

  it("keeps an explicit zone", () => {
    expect(parseHongKongDateTime("2026-01-19T20:30:00Z")?.toISOString()).toBe("2026-01-19T20:30:00.000Z");
  });

  it.each(["", "12:00", "Over 2 hours", "31/02/2020 4:30AM", "2020"])("finds no instant in %j", (text) => {
    expect(parseHongKongDateTime(text)).toBeUndefined();
  });
});

describe("mergeFieldType", () => {
  it.each<[FieldType | null | undefined, FieldType | null, FieldType | null]>([
    [undefined, null, null],
    [undefined, "NUMBER", "NUMBER"],
    [null, "DATE", "DATE"],
    ["NUMBER", null, "NUMBER"],
    ["NUMBER", "NUMBER", "NUMBER"],
    ["NUMBER", "STRING", "STRING"],
    ["STRING", "NUMBER", "STRING"],
    ["DATE", "DATETIME", "DATETIME"],
    ["DATETIME", "DATE", "DATETIME"],
    ["NUMBER", "DATE", "STRING"],
    ["BOOLEAN", "NUMBER", "STRING"],
    ["DATETIME", "STRING", "STRING"],
  ])("merges %s with %s into %s", (a, b, merged) => {
    expect(mergeFieldType(a, b)).toBe(merged);
  });

  it("folds a column's values into one type", () => {
    const column = ["Asymptomatic", "21/01/2020", "", "18/01/2020"].map((raw) => normaliseValue(raw).type);
    expect(column.reduce<FieldType | null | undefined>(mergeFieldType, undefined)).toBe("STRING");
    const dates = ["2021-02-22", null, "2019-04-18 23:45:00"].map((raw) => normaliseValue(raw).type);
    expect(dates.reduce<FieldType | null | undefined>(mergeFieldType, undefined)).toBe("DATETIME");
  });
});
