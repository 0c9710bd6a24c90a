import { describe, expect, it } from "vitest";
import { distanceKm, parsePoint } from "../src/pages/ae-now/geo.js";
import { medianByHour } from "../src/pages/ae-now/wait-history.js";
import { toFieldFilters } from "../src/pages/datasets/filters.js";

describe("filters from field types", () => {
  it("makes text contains, boolean equals, number and date ranges, and leaves empty inputs out", () => {
    const types = { Name: "STRING", Open: "BOOLEAN", Doses: "NUMBER", Date: "DATE", Unset: "NUMBER" } as const;
    const filters = toFieldFilters(
      { Name: { contains: "Kwai" }, Open: { eq: "true" }, Doses: { gte: "10", lte: "" }, Date: { gte: "2021-01-01", lte: "2021-12-31" }, Unset: {}, Gone: { contains: "x" } },
      types,
    );
    expect(filters).toEqual([
      { field: "Name", contains: "Kwai" },
      { field: "Open", eq: true },
      { field: "Doses", gte: 10 },
      { field: "Date", gte: "2021-01-01", lte: "2021-12-31" },
    ]);
  });
});

describe("the A&E page's arithmetic", () => {
  it("takes the median wait of each hour of the day from the instant's own Hong Kong hour", () => {
    const at = (hour: string, minutes: number) => ({ observedAt: `2019-05-01T${hour}:15:00+08:00`, minutes });
    const medians = medianByHour([at("09", 30), at("09", 10), at("09", 20), at("23", 40), at("23", 60)]);
    expect(medians[9]).toBe(20);
    expect(medians[23]).toBe(50);
    expect(medians.filter((value) => value !== undefined)).toHaveLength(2);
  });

  it("measures great-circle distances and reads a ?near= place", () => {
    // Queen Elizabeth Hospital to Tuen Mun Hospital: about 23 km apart as the crow flies.
    expect(distanceKm({ latitude: 22.3091, longitude: 114.1747 }, { latitude: 22.4076, longitude: 113.9763 })).toBeCloseTo(22.8, 0);
    expect(parsePoint("22.3,114.17")).toEqual({ latitude: 22.3, longitude: 114.17 });
    expect(parsePoint("22.3;114.17")).toBeUndefined();
  });
});
