import { describe, expect, it } from "vitest";
import { quotaNumber } from "../src/gopc/gopc-quota.js";
import { parseWeeks } from "../src/sopc/sopc-waiting-time.js";

describe("the values of the SOPC and GOPC files", () => {
  it.each([
    ["10", 10, "EXACT"],
    ["<1", 1, "AT_MOST"],
    ["< 1 week", 1, "AT_MOST"],
    ["> 52", 52, "AT_LEAST"],
    ["少於1星期", 1, "AT_MOST"],
    ["N/A", null, null],
    [null, null, null],
  ])("reads %j as %j weeks, %j", (value, weeks, bound) => {
    expect(parseWeeks(value)).toEqual({ weeks, bound });
  });

  it("reads quotas written as decimals, and none from N/A or blanks", () => {
    expect([quotaNumber("469.0"), quotaNumber("469"), quotaNumber("1,020.0"), quotaNumber("N/A"), quotaNumber(null)]).toEqual([469, 469, 1020, null, null]);
  });
});
