import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { buildMissingTypedTables } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";
import { startHarness, type GraphQLResponse, type Harness } from "./harness.js";
import { capturedLogger, startTestGateway } from "./test-gateway.js";

// Arguments that used to reach SQL and come back as Prisma's or PostgreSQL's message (with the
// server's file paths), or as INTERNAL_SERVER_ERROR / DOWNSTREAM_SERVICE_ERROR: each is now a
// BAD_USER_INPUT error naming the argument, and no database or stack text reaches the client.

const fixture = (name: string) => resolve(import.meta.dirname, "fixtures", name);
const cursor = (text: string) => Buffer.from(text, "utf8").toString("base64url");
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await ingestFile(harness.store, { datasetId: "hb-covid19-vaccination-by-age", location: fixture("vaccination-by-age.csv") });
  // A dataset with a date-time field: the plan's fixtures here have none.
  const prisma = harness.store.prisma;
  await prisma.dataset.create({
    data: { id: "test-visits", position: 1000, agencyCode: "HB", titleEn: "Visits", titleZh: "Visits", updateFrequency: "DAILY_DURING_PEAK", recordMode: "CUMULATIVE" },
  });
  await prisma.datasetField.createMany({
    data: [
      { datasetId: "test-visits", name: "seen", type: "DATETIME", position: 1 },
      { datasetId: "test-visits", name: "day", type: "DATE", position: 2 },
    ],
  });
  const observedAt = new Date("2026-01-20T12:00:00+08:00");
  const ingestion = await prisma.ingestion.create({
    data: { datasetId: "test-visits", resource: "test-visits", location: "visits.csv", sha256: "visits", format: "CSV", fetchedAt: observedAt, observedAt, recordCount: 1 },
  });
  await prisma.record.create({
    data: {
      datasetId: "test-visits",
      ingestionId: ingestion.id,
      resource: "test-visits",
      ordinal: 1,
      observedAt,
      fields: { seen: "2026-01-20T09:00:00+08:00", day: "2026-01-20" },
    },
  });
  // Written past the ingest: its typed table is built as for a database from before them.
  await buildMissingTypedTables(prisma);
});
afterAll(async () => {
  await harness?.close();
});

const vaccination = `dataset(id: "hb-covid19-vaccination-by-age")`;

/** Expects the one error to be BAD_USER_INPUT naming `argument`, in words a client can read. */
function expectBadArgument(response: GraphQLResponse, argument: string, words?: RegExp): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  const [error] = response.errors!;
  expect(error!.extensions?.code, error!.message).toBe("BAD_USER_INPUT");
  expect(error!.extensions?.argument, error!.message).toBe(argument);
  expect(error!.message).toContain(argument);
  if (words) expect(error!.message).toMatch(words);
  expectNoInternals(response);
}

/** No Prisma, PostgreSQL or file-system text anywhere in a response. */
function expectNoInternals(response: GraphQLResponse): void {
  const text = JSON.stringify(response);
  for (const leak of [/prisma/i, /invocation/i, /\/work\//, /\.ts:\d+/, /Code: `/, /invalid byte sequence/, /out of range for type/, /stacktrace/]) {
    expect(text).not.toMatch(leak);
  }
}

describe("cursors", () => {
  it("refuses an `after` that decodes to a negative, huge or non-numeric position, in every connection", async () => {
    const forged = ["dataset:-5", "dataset:99999999999999999999", "dataset:1e3", "dataset:12\u0000"];
    for (const text of forged) {
      expectBadArgument(await harness.query(`query($after: String) { datasets(after: $after) { totalCount } }`, { after: cursor(text) }), "after");
    }
    const records = [
      ["record-offset:99999999999999999999", `orderBy: [{ field: "Date", direction: ASC }]`],
      ["record-offset:-1", `orderBy: [{ field: "Date", direction: ASC }]`],
      ["record:99999999999999999999", ""],
      ["record:-3", ""],
    ] as const;
    for (const [text, orderBy] of records) {
      const response = await harness.query(`query($after: String) { ${vaccination} { records(${orderBy} after: $after) { totalCount edges { node { id } } } } }`, {
        after: cursor(text),
      });
      expectBadArgument(response, "after");
    }
  });

  it("refuses a typed view's forged cursor, whatever it decodes to", async () => {
    const doses = `query($after: String) { healthBureau { vaccinationByAgeView { doses(after: $after) { edges { cursor } } } } }`;
    const forged = [`["2021-02-22","30-39","M\\u0000",1]`, "not json", `["a","b","c",99999999999999999999]`, `["a","b","c",-1]`];
    for (const text of forged) expectBadArgument(await harness.query(doses, { after: cursor(`vaccination-doses:${text}`) }), "after");
    const connections = [
      [`departmentOfHealth { covidCases { cases(after: $after) { edges { cursor } } } }`, "covid-case"],
      [`departmentOfHealth { covidBuildings { buildings(after: $after) { edges { cursor } } } }`, "covid-building"],
      [`ehrssProviders(after: $after) { edges { cursor } }`, "ehrss-provider"],
      [`hospitalAuthority { aedWaitingTimes { history(hospitalId: "queen-elizabeth-hospital", after: $after) { edges { cursor } } } }`, "aed-history"],
    ] as const;
    for (const [selection, kind] of connections) {
      for (const value of ["99999999999999999999", "-1", "2026-01-20T00:00:00.000Z|99999999999999999999", "2022|1"]) {
        expectBadArgument(await harness.query(`query($after: String) { ${selection} }`, { after: cursor(`${kind}:${value}`) }), "after");
      }
    }
  });
});

describe("strings", () => {
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ["eq", `query($v: JSON) { ${vaccination} { records(filter: [{ field: "Sex", eq: $v }]) { totalCount } } }`, { v: "M\u0000" }, "filter[0].eq"],
    ["eq", `query($v: JSON) { ${vaccination} { records(filter: [{ field: "Sex", eq: $v }]) { totalCount } } }`, { v: "M\ud800" }, "filter[0].eq"],
    ["in", `query($v: [JSON!]) { ${vaccination} { records(filter: [{ field: "Sex", in: $v }]) { totalCount } } }`, { v: ["M", "F\u0000"] }, "filter[0].in[1]"],
    ["contains", `query($v: String) { ${vaccination} { records(filter: [{ field: "Sex", contains: $v }]) { totalCount } } }`, { v: "\u0000" }, "filter[0].contains"],
    ["a field name", `query($v: String!) { ${vaccination} { records(orderBy: [{ field: $v, direction: ASC }]) { totalCount } } }`, { v: "Date\u0000" }, "orderBy[0].field"],
    ["groupBy", `query($v: [String!]!) { ${vaccination} { recordAggregate(groupBy: $v) { count } } }`, { v: ["Sex\udc00"] }, "groupBy[0]"],
    ["an id", `query($v: ID!) { dataset(id: $v) { id } }`, { v: "hb-covid19-vaccination-by-age\u0000" }, "id"],
    ["a typed view's text", `query($v: String) { hospitals(name: $v) { name } }`, { v: "\u0000" }, "name"],
    ["a search", `query($v: String) { datasets(filter: { search: $v }) { totalCount } }`, { v: "急症室\u0000" }, "filter.search"],
  ];
  for (const [what, query, variables, argument] of cases) {
    it(`refuses a NUL or a lone surrogate in ${what}, naming ${argument}`, async () => {
      expectBadArgument(await harness.query(query, variables), argument, /NUL|surrogate/);
    });
  }

  it("refuses a filter string longer than MAX_FILTER_LENGTH (200), naming the argument and the limit", async () => {
    const response = await harness.query(`query($v: String) { ${vaccination} { records(filter: [{ field: "Age Group", contains: $v }]) { totalCount } } }`, {
      v: "a".repeat(5_000),
    });
    expectBadArgument(response, "filter[0].contains", /5000 characters.*200 \(MAX_FILTER_LENGTH\)/);
    expect(response.errors![0]!.extensions).toMatchObject({ limit: "MAX_FILTER_LENGTH", max: 200, found: 5_000 });
    const fits = await harness.query(`{ ${vaccination} { records(filter: [{ field: "Age Group", contains: "${"a".repeat(200)}" }]) { totalCount } } }`);
    expect(fits.errors).toBeUndefined();
  });
});

describe("dates and instants", () => {
  it("refuses a DateTime argument that is not one, literal or variable, naming it", async () => {
    expectBadArgument(await harness.query(`{ ${vaccination} { records(asOf: "2022") { totalCount } } }`), "asOf", /ISO 8601/);
    expectBadArgument(await harness.query(`query($d: DateTime) { ${vaccination} { records(from: $d) { totalCount } } }`, { d: "2022" }), "$d", /ISO 8601/);
    expectBadArgument(await harness.query(`{ departmentOfHealth { covidSituation { days(from: "2022-02-30") { date } } } }`), "from");
    expectBadArgument(
      await harness.query(`query($f: CovidCaseFilter) { departmentOfHealth { covidCases { cases(filter: $f) { totalCount } } } }`, {
        f: { reportedFrom: "yesterday" },
      }),
      "$f.reportedFrom",
    );
    expectBadArgument(
      await harness.query(`{ departmentOfHealth { covidCases { counts(groupBy: [], filter: { reportedTo: "2022" }) { count } } } }`),
      "filter.reportedTo",
    );
  });

  it("refuses a filter value on a DATETIME or DATE field that PostgreSQL would not read the same way", async () => {
    for (const value of ["2022", "2022-13", "tomorrow", "2026-01-20T25:00:00"]) {
      const response = await harness.query(`query($v: JSON) { dataset(id: "test-visits") { records(filter: [{ field: "seen", gte: $v }]) { totalCount } } }`, { v: value });
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response)).toBe("BAD_USER_INPUT");
      expect(response.errors![0]!.message).toContain('"seen"');
      expectNoInternals(response);
    }
    const day = await harness.query(`{ dataset(id: "test-visits") { records(filter: [{ field: "day", lte: "2026-02-30" }]) { totalCount } } }`);
    expect(day.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const ok = await harness.query(`{ dataset(id: "test-visits") {
      instant: records(filter: [{ field: "seen", gte: "2026-01-20T08:59:00+08:00" }]) { totalCount }
      local: records(filter: [{ field: "seen", lt: "2026-01-20T09:00:01" }]) { totalCount }
      date: records(filter: [{ field: "seen", gte: "2026-01-21" }]) { totalCount }
    } }`);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.dataset).toEqual({ instant: { totalCount: 1 }, local: { totalCount: 1 }, date: { totalCount: 0 } });
  });
});

describe("an unexpected error from SQL", () => {
  it("reaches the client as a generic INTERNAL_SERVER_ERROR with the request id, and the server's log in full", async () => {
    const { logger, lines } = capturedLogger();
    const gateway = await startTestGateway({ store: harness.store, subgraphs: await buildAllSubgraphs(), logger });
    // A fault no argument causes: the table the records' fields are read from has gone.
    await harness.store.prisma.$executeRawUnsafe('ALTER TABLE "DatasetField" RENAME TO "DatasetFieldAway"');
    try {
      const { body, headers } = await gateway.post(`{ dataset(id: "test-visits") { fields { name } } }`, { headers: { "x-request-id": "fault-1" } });
      expect(headers.get("x-request-id")).toBe("fault-1");
      expect(body.errors, JSON.stringify(body)).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({
        message: "Internal server error (request fault-1); it has been logged.",
        extensions: { code: "INTERNAL_SERVER_ERROR", serviceName: "records" },
      });
      expectNoInternals(body);
      const logged = lines().find((line) => line.msg === "unexpected error in a resolver");
      expect(logged).toMatchObject({ level: "error", requestId: "fault-1" });
      expect(JSON.stringify(logged!.err)).toMatch(/DatasetField/);
    } finally {
      await harness.store.prisma.$executeRawUnsafe('ALTER TABLE "DatasetFieldAway" RENAME TO "DatasetField"');
      await gateway.close();
    }
  });
});
