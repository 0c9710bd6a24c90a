import { describe, expect, it } from "vitest";
import { mirroredUrl } from "../src/mirrored-url.js";

describe("mirroredUrl", () => {
  it("puts the host as the first path segment under the mirror, dropping the scheme", () => {
    expect(mirroredUrl("https://www.ha.org.hk/opendata/aed/aedwtdata2-en.json", "http://127.0.0.1:8080")).toBe(
      "http://127.0.0.1:8080/www.ha.org.hk/opendata/aed/aedwtdata2-en.json",
    );
  });

  it("keeps the query, a port, and a mirror's own path; a trailing slash on the mirror changes nothing", () => {
    const archive = "https://api.data.gov.hk/v1/historical-archive/get-file?url=https%3A%2F%2Fwww.ha.org.hk%2Fa.json&time=20260101-0000";
    expect(mirroredUrl(archive, "http://127.0.0.1:8080/mirror/")).toBe(
      "http://127.0.0.1:8080/mirror/api.data.gov.hk/v1/historical-archive/get-file?url=https%3A%2F%2Fwww.ha.org.hk%2Fa.json&time=20260101-0000",
    );
    expect(mirroredUrl("http://example.org:8443/x", "http://127.0.0.1:9")).toBe("http://127.0.0.1:9/example.org:8443/x");
  });

  it("is the URL itself without a mirror", () => {
    expect(mirroredUrl("https://www.chp.gov.hk/files/misc/building_list_eng.csv", undefined)).toBe("https://www.chp.gov.hk/files/misc/building_list_eng.csv");
    expect(mirroredUrl("https://www.chp.gov.hk/files/misc/building_list_eng.csv", "")).toBe("https://www.chp.gov.hk/files/misc/building_list_eng.csv");
  });
});
