import { describe, expect, it } from "vitest";
import { integerOf, isoDateOf, numberOf, textOf } from "../src/values.js";

describe("reading record values back as typed ones", () => {
  it("reads numbers given as numbers or as text with thousands separators", () => {
    expect(numberOf(7481800)).toBe(7481800);
    expect(numberOf("7,481,800")).toBe(7481800);
    expect(numberOf("83.0")).toBe(83);
    expect(numberOf("7,346.1")).toBe(7346.1);
    expect(numberOf(0)).toBe(0);
  });

  it("leaves text that is not a number as null", () => {
    for (const text of ["N.A.", "<1", "Pending", "1,23", ".5", "", null, undefined, true]) expect(numberOf(text), String(text)).toBeNull();
  });

  it("reads whole numbers only as integers", () => {
    expect(integerOf(39)).toBe(39);
    expect(integerOf("715,462")).toBe(715462);
    expect(integerOf(2.5)).toBeNull();
    expect(integerOf("<1")).toBeNull();
    expect(integerOf("Pending")).toBeNull();
    expect(integerOf(null)).toBeNull();
  });

  it("takes the ingest's ISO dates and nothing else as dates", () => {
    expect(isoDateOf("2020-01-21")).toBe("2020-01-21");
    expect(isoDateOf("21/01/2020")).toBeNull();
    expect(isoDateOf("Asymptomatic")).toBeNull();
    expect(isoDateOf(20200121)).toBeNull();
  });

  it("keeps text as published, trimmed, with missing values null", () => {
    expect(textOf(" Imported case ")).toBe("Imported case");
    expect(textOf(39)).toBe("39");
    expect(textOf("")).toBeNull();
    expect(textOf(null)).toBeNull();
  });
});
