import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ArchiveClient, ArchiveError, RequestRate } from "../src/index.js";
import { AED_V2_EN } from "./support/aed-versions.js";
import { ArchiveServer } from "./support/archive-server.js";

let archive: ArchiveServer;
beforeAll(async () => {
  archive = await ArchiveServer.start();
});
afterAll(() => archive?.close());
beforeEach(() => {
  archive.files.clear();
  archive.requests.length = 0;
  archive.overrides.clear();
});

const client = () => new ArchiveClient({ mirror: archive.mirror, rate: new RequestRate(1_000) });

/** Every minute's timestamp (YYYYMMDD-HHMM) of the Hong Kong days from `first`, `days` of them. */
function everyMinute(first: string, days: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days * 1440 }, (_, minute) => {
    const iso = new Date(start + minute * 60_000).toISOString();
    return `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  });
}

const listings = () => archive.requests.filter((request) => request.kind === "list").map((request) => `${request.params["start"]}-${request.params["end"]}`);

describe("the archive client", () => {
  it("asks month by month, the first and last months cut to the days asked, and reads the times as Hong Kong's", async () => {
    archive.files.set(AED_V2_EN, { timestamps: ["20260131-2345", "20260201-0000", "20260305-2359", "20260306-0000"], body: () => Buffer.from("{}") });
    const versions = await client().versions(AED_V2_EN, { start: "2026-01-20", end: "2026-03-05" });
    expect(listings()).toEqual(["20260120-20260131", "20260201-20260228", "20260301-20260305"]);
    expect(archive.requests.every((request) => request.url === AED_V2_EN)).toBe(true);
    expect(versions.map((version) => [version.timestamp, version.time.toISOString()])).toEqual([
      ["20260131-2345", "2026-01-31T15:45:00.000Z"],
      ["20260201-0000", "2026-01-31T16:00:00.000Z"],
      ["20260305-2359", "2026-03-05T15:59:00.000Z"],
    ]);
  });

  it("asks again in halves when a month fills a call (10,000 at most), and still finds every version", async () => {
    const timestamps = everyMinute("2026-02-01", 28); // 40,320 in February
    archive.files.set(AED_V2_EN, { timestamps, body: () => Buffer.from("{}") });
    const versions = await client().versions(AED_V2_EN, { start: "2026-02-01", end: "2026-02-28" });
    expect(versions.map((version) => version.timestamp)).toEqual(timestamps);
    expect(listings().slice(0, 3)).toEqual(["20260201-20260228", "20260201-20260214", "20260201-20260207"]);
    expect(listings()).toContain("20260222-20260228"); // 7 days: 10,080, cut again
    expect(listings()).toContain("20260222-20260224"); // 3 days: 4,320, fits
  });

  it("gives up on a day with more versions than a call can list, naming the URL asked", async () => {
    archive.overrides.set("list", { status: 200, body: JSON.stringify({ "version-count": 12_000, timestamps: everyMinute("2026-02-01", 7).slice(0, 10_000) }) });
    const failure = client().versions(AED_V2_EN, { start: "2026-02-01", end: "2026-02-01" });
    await expect(failure).rejects.toThrow(ArchiveError);
    await expect(failure).rejects.toThrow(/list-file-versions\?url=.*start=20260201&end=20260201: more than 10000 versions in one day/);
  });

  it("names the URL asked when the archive answers 400, 5xx or something that is not its JSON", async () => {
    const cases: Array<[status: number, body: string, message: RegExp]> = [
      [400, '{"error":"start and end must be YYYYMMDD"}', /answered 400 Bad Request \(\{"error":"start and end must be YYYYMMDD"\}\)/],
      [503, "upstream down", /answered 503 Service Unavailable \(upstream down\)/],
      [200, "<html>maintenance</html>", /answer is not JSON \(<html>maintenance<\/html>\)/],
      [200, '{"count": 3}', /has no "version-count" number and "timestamps" list/],
      [200, '{"version-count": 1, "timestamps": ["2026-02-01 00:00"]}', /listed "2026-02-01 00:00", which is not a YYYYMMDD-HHMM timestamp/],
    ];
    for (const [status, body, message] of cases) {
      archive.overrides.set("list", { status, body });
      const failure = client().versions(AED_V2_EN, { start: "2026-02-01", end: "2026-02-03" });
      await expect(failure).rejects.toThrow(message);
      await expect(failure).rejects.toThrow(`${archive.mirror}/api.data.gov.hk/v1/historical-archive/list-file-versions?url=${encodeURIComponent(AED_V2_EN)}&start=20260201&end=20260203: `);
    }
  });

  it("is answered 400 by the stand-in for a date in another form, as the archive does", async () => {
    const response = await fetch(`${archive.mirror}/api.data.gov.hk/v1/historical-archive/list-file-versions?url=${encodeURIComponent(AED_V2_EN)}&start=2026-02-01&end=20260203`);
    expect(response.status).toBe(400);
    await response.body?.cancel();
  });

  it("fetches a version's file through the mirror, or from the archive itself without one", () => {
    expect(client().fileVersionUrl(AED_V2_EN, "20260105-0430")).toBe(
      `${archive.mirror}/api.data.gov.hk/v1/historical-archive/get-file?url=https%3A%2F%2Fwww.ha.org.hk%2Fopendata%2Faed%2Faedwtdata2-en.json&time=20260105-0430`,
    );
    expect(new ArchiveClient({ rate: new RequestRate(1) }).fileVersionUrl(AED_V2_EN, "20260105-0430")).toBe(
      "https://api.data.gov.hk/v1/historical-archive/get-file?url=https%3A%2F%2Fwww.ha.org.hk%2Fopendata%2Faed%2Faedwtdata2-en.json&time=20260105-0430",
    );
  });
});
