import { describe, expect, it } from "vitest";
import { hongKongMonth, linkRelease, type ReleaseOption } from "../src/release.js";

// Like ha-inpatient-services-volume: D2 published in 2017-12, C2 planned for 2023-06.
const published: ReleaseOption = { id: "x@2017-12", month: "2017-12", releasedMonth: "2017-12" };
const planned: ReleaseOption = { id: "x@2023-06", month: "2023-06", releasedMonth: null };
const hk = (iso: string) => new Date(`${iso}+08:00`);

describe("linkRelease", () => {
  it("links the latest published release whose month is not after the data's", () => {
    const later: ReleaseOption = { id: "x@2023-06", month: "2023-06", releasedMonth: "2023-07" };
    expect(linkRelease([published, later], undefined, hk("2023-05-31T23:59:00"), hk("2024-01-01T00:00:00"))).toEqual({ releaseId: "x@2017-12" });
    expect(linkRelease([published, later], undefined, hk("2023-06-01T00:00:00"), hk("2024-01-01T00:00:00"))).toEqual({ releaseId: "x@2023-06" });
  });

  it("counts months in Hong Kong: 2023-05-31 16:30 UTC is already June there", () => {
    expect(hongKongMonth(new Date("2023-05-31T16:30:00Z"))).toBe("2023-06");
  });

  it("skips releases with no publication recorded, and links none when nothing is published in time", () => {
    expect(linkRelease([published, planned], undefined, hk("2024-01-01T00:00:00"), hk("2024-01-01T00:00:00"))).toEqual({ releaseId: "x@2017-12" });
    expect(linkRelease([published, planned], undefined, hk("2017-11-30T00:00:00"), hk("2024-01-01T00:00:00"))).toEqual({ releaseId: null });
    expect(linkRelease([planned], undefined, hk("2030-01-01T00:00:00"), hk("2030-01-01T00:00:00"))).toEqual({ releaseId: null });
  });

  it("records the publication of a release asked for in the Hong Kong month of the fetch, once", () => {
    expect(linkRelease([published, planned], planned, hk("2023-01-01T00:00:00"), new Date("2023-06-30T16:00:00Z"))).toEqual({
      releaseId: "x@2023-06",
      recordPublication: "2023-07",
    });
    expect(linkRelease([published, planned], published, hk("2023-01-01T00:00:00"), hk("2023-06-30T00:00:00"))).toEqual({ releaseId: "x@2017-12" });
  });
});
