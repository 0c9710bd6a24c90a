import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile, type IngestRequest } from "../src/index.js";
import { FileServer, unreachableUrl } from "./support/file-server.js";
import { ingestFailure, pipelineFixture, sha256Of } from "./support/fixtures.js";
import { openTestStore, tableCounts, writeStatements } from "./support/store.js";

let store: Store;
let server: FileServer;
beforeAll(async () => {
  [store, server] = await Promise.all([openTestStore(), FileServer.start()]);
});
afterAll(async () => {
  await Promise.all([store?.close(), server?.close()]);
});

const fixtureBytes = (name: string) => readFileSync(pipelineFixture(name));
const sourceOf = (datasetId: string, location: string) => store.prisma.source.findUnique({ where: { datasetId_location: { datasetId, location } } });
const lastRequest = () => server.requests.at(-1)!;
const downloadFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith("hkhealth-ingest-"));

/** Runs an ingest and returns its result with the statements that wrote. */
async function ingestRecordingWrites(request: IngestRequest) {
  const { result, statements } = await store.sqlLog.record(() => ingestFile(store, request));
  return { result, writes: writeStatements(statements) };
}

describe("a URL with an ETag", () => {
  const path = "/opendata/aed/aedwtdata2-en.json";

  it("is ingested on the first GET, its ETag kept for the next poll, and the download deleted", async () => {
    const foldersBefore = downloadFolders();
    server.files.set(path, { body: fixtureBytes("aed-snapshot-0430.json"), contentType: "application/json", etag: '"v1"' });
    const result = await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: server.url(path) });
    expect(result).toMatchObject({ status: "ingested", location: server.url(path), records: 3, sha256: sha256Of(pipelineFixture("aed-snapshot-0430.json")) });
    expect(lastRequest().headers["if-none-match"]).toBeUndefined();
    expect(await sourceOf("ha-aed-waiting-time", server.url(path))).toMatchObject({ etag: '"v1"', lastModified: null });
    expect(downloadFolders()).toEqual(foldersBefore);
  });

  it("is unchanged when the server answers 304 to If-None-Match, and nothing is written", async () => {
    const { result, writes } = await ingestRecordingWrites({ datasetId: "ha-aed-waiting-time", location: server.url(path) });
    expect(result).toEqual({ status: "unchanged", datasetId: "ha-aed-waiting-time", location: server.url(path), records: 0 });
    expect(lastRequest().headers["if-none-match"]).toBe('"v1"');
    expect(writes).toEqual([]);
  });

  it("is ingested again once its content changes", async () => {
    server.files.set(path, { body: fixtureBytes("aed-snapshot-0445.json"), contentType: "application/json", etag: '"v2"' });
    const result = await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: server.url(path) });
    expect(result).toMatchObject({ status: "ingested", records: 3, observedAt: new Date("2026-01-20T04:45:00+08:00") });
    expect(await store.prisma.ingestion.count({ where: { datasetId: "ha-aed-waiting-time" } })).toBe(2);
    expect(await sourceOf("ha-aed-waiting-time", server.url(path))).toMatchObject({ etag: '"v2"' });
  });

  it("keeps a new ETag for bytes it already has, so that the next poll is a 304", async () => {
    server.files.set(path, { body: fixtureBytes("aed-snapshot-0445.json"), contentType: "application/json", etag: '"v2-gzip"' });
    const duplicate = await ingestRecordingWrites({ datasetId: "ha-aed-waiting-time", location: server.url(path) });
    expect(duplicate.result).toMatchObject({ status: "duplicate", records: 0 });
    expect(duplicate.writes).toHaveLength(1); // the Source's validators, nothing else
    expect(await sourceOf("ha-aed-waiting-time", server.url(path))).toMatchObject({ etag: '"v2-gzip"' });
    expect((await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: server.url(path) })).status).toBe("unchanged");
  });
});

describe("a URL with Last-Modified", () => {
  const path = "/download/opendata/COVID19/vaccination-rates-over-time-by-age.csv";
  const lastModified = "Sun, 10 Apr 2022 16:00:00 GMT";

  it("is ingested, then unchanged when the server answers 304 to If-Modified-Since", async () => {
    server.files.set(path, { body: fixtureBytes("vaccination-by-age.csv"), contentType: "text/csv", lastModified });
    expect(await ingestFile(store, { datasetId: "hb-covid19-vaccination-by-age", location: server.url(path) })).toMatchObject({ status: "ingested", records: 4 });
    expect(await sourceOf("hb-covid19-vaccination-by-age", server.url(path))).toMatchObject({ etag: null, lastModified });

    const { result, writes } = await ingestRecordingWrites({ datasetId: "hb-covid19-vaccination-by-age", location: server.url(path) });
    expect(result.status).toBe("unchanged");
    expect(lastRequest().headers["if-modified-since"]).toBe(lastModified);
    expect(writes).toEqual([]);
  });
});

describe("a URL without validators", () => {
  it("serving the same bytes again is a duplicate that writes nothing", async () => {
    const path = "/opendata/ehrss/providers";
    server.files.set(path, { body: fixtureBytes("ehrss-providers.xml"), contentType: "application/xml; charset=utf-8" });
    // No extension: the Content-Type says XML.
    const first = await ingestFile(store, { datasetId: "hb-ehrss-healthcare-providers", location: server.url(path) });
    expect(first).toMatchObject({ status: "ingested", records: 3 });
    expect((await store.prisma.ingestion.findUniqueOrThrow({ where: { id: first.ingestionId! } })).format).toBe("XML");
    const { result, writes } = await ingestRecordingWrites({ datasetId: "hb-ehrss-healthcare-providers", location: server.url(path) });
    expect(result).toMatchObject({ status: "duplicate", ingestionId: first.ingestionId });
    expect(writes).toEqual([]);
  });

  it("names a per-file snapshot after the file in the URL, without its query", async () => {
    const path = "/opendata/facility-hosp.xlsx";
    server.files.set(path, { body: fixtureBytes("facility-hosp.xlsx") });
    const result = await ingestFile(store, { datasetId: "ha-facility-directory", location: `${server.url(path)}?lang=en`, observedAt: new Date("2025-01-10T09:00:00+08:00") });
    expect(result).toMatchObject({ status: "ingested", records: 3, resource: "facility-hosp" });
  });
});

describe("a URL that fails", () => {
  async function failureLeavingNothing(request: IngestRequest): Promise<string> {
    const before = await tableCounts(store);
    const message = await ingestFailure(ingestFile(store, request));
    expect(await tableCounts(store)).toEqual(before);
    return message;
  }

  it("answering 404 names the URL and the status", async () => {
    const url = server.url("/opendata/aed/aedwtdata3-en.json");
    expect(await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: url })).toBe(`${url}: the server answered 404 Not Found`);
  });

  it("that cannot be reached names the URL and the cause", async () => {
    const url = await unreachableUrl("/opendata/aed/aedwtdata2-en.json");
    const message = await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: url });
    expect(message).toMatch(new RegExp(`^${url.replace(/[.?]/g, "\\$&")}: could not be fetched \\(.*ECONNREFUSED.*\\)$`));
  });

  it("that does not answer in time names the URL and the time allowed", async () => {
    const url = server.url("/hang");
    expect(await failureLeavingNothing({ datasetId: "ha-aed-waiting-time", location: url, fetchTimeoutMs: 300 })).toBe(`${url}: no complete answer within 300 ms`);
  });
});
