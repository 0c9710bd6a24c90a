import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { loadCatalogue, type Store } from "@hkhealth/store";
import { createTestStore } from "@hkhealth/store/testing";
import { createContext, type Subgraph } from "@hkhealth/subgraph-kit";
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHospitalAuthoritySubgraph } from "../src/index.js";
import { ownFixtures, variantOf } from "./shared-fixtures.js";

// The Hospital Authority subgraph on its own, over a store holding our fixtures ingested the one
// way files are ingested. End-to-end tests through the gateway are in apps/gateway/test/typed-ha.test.ts.

const fixture = (name: string) => resolve(ownFixtures, name);
let store: Store;
let subgraph: Subgraph;

beforeAll(async () => {
  store = await createTestStore();
  await loadCatalogue(store.prisma);
  subgraph = await buildHospitalAuthoritySubgraph();
  for (const file of ["facility-hosp.json", "facility-sop.json", "facility-gop.json"]) {
    await ingestFile(store, { datasetId: "ha-facility-directory", location: fixture(file), observedAt: new Date("2025-01-01T00:00:00+08:00") });
  }
  for (const file of ["aedwtdata2-en.json", "aedwtdata-en.v1.json", "history-2019.csv"]) {
    await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: fixture(file) });
  }
});
afterAll(async () => {
  await store?.close();
});

/** Runs a query on the subgraph with a fresh request context; returns its data and the SQL it sent. */
async function query(source: string, variableValues?: Record<string, unknown>): Promise<{ data: any; statements: string[] }> {
  const { result, statements } = await store.sqlLog.record(() =>
    graphql({ schema: subgraph.schema, source, variableValues, contextValue: createContext(store) }),
  );
  expect(result.errors).toBeUndefined();
  return { data: result.data, statements };
}

const entitiesQuery = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Hospital { id name cluster withAeService }
    ... on Clinic { id kind }
    ... on AedWaitingTimeView { datasetId }
    ... on FacilityDirectoryView { datasetId }
  }
}`;

describe("the Hospital Authority subgraph", () => {
  it("resolves many Hospital and Clinic references in one statement, views in none", async () => {
    const hospitals = ["kwong-wah-hospital", "queen-elizabeth-hospital", "st-john-hospital", "kowloon-hospital", "nowhere"];
    const clinics = ["gopc:anne-black-general-out-patient-clinic", "sopc:tuen-mun-eye-centre"];
    const { data, statements } = await query(entitiesQuery, {
      representations: [
        ...hospitals.map((id) => ({ __typename: "Hospital", id })),
        ...clinics.map((id) => ({ __typename: "Clinic", id })),
        { __typename: "AedWaitingTimeView", datasetId: "ha-aed-waiting-time" },
        { __typename: "FacilityDirectoryView", datasetId: "ha-facility-directory" },
      ],
    });
    expect(data._entities).toEqual([
      { id: "kwong-wah-hospital", name: "Kwong Wah Hospital", cluster: "Kowloon Central Cluster", withAeService: true },
      { id: "queen-elizabeth-hospital", name: "Queen Elizabeth Hospital", cluster: "Kowloon Central Cluster", withAeService: true },
      { id: "st-john-hospital", name: "St. John Hospital", cluster: "Hong Kong East Cluster", withAeService: true },
      { id: "kowloon-hospital", name: "Kowloon Hospital", cluster: "Kowloon Central Cluster", withAeService: false },
      null,
      { id: "gopc:anne-black-general-out-patient-clinic", kind: "GENERAL_OUTPATIENT" },
      { id: "sopc:tuen-mun-eye-centre", kind: "SPECIALIST_OUTPATIENT" },
      { datasetId: "ha-aed-waiting-time" },
      { datasetId: "ha-facility-directory" },
    ]);
    expect(statements).toHaveLength(1);
  });

  it("reads each field of a snapshot's format, and null for the fields its format lacks", async () => {
    const { data } = await query(`{
      hospital(id: "princess-margaret-hospital") {
        now: aedWaitingTime {
          observedAt hospitalName triage1 { text minutes bound } triage2 { text minutes bound } triage3Median { minutes }
          triage3P95 { minutes } triage45Median { text minutes bound } triage45P95 { minutes } topWait { minutes }
          managingTriage1 managingTriage2
        }
        v1: aedWaitingTime(asOf: "2020-02-14T11:45:00+08:00") { observedAt topWait { text minutes bound } triage3Median { minutes } managingTriage1 }
        before: aedWaitingTime(asOf: "2019-05-01T11:29:59+08:00") { observedAt }
      }
    }`);
    expect(data.hospital).toEqual({
      now: {
        observedAt: "2026-01-21T21:15:00+08:00",
        hospitalName: "Princess Margaret Hospital",
        triage1: { text: "0 minute", minutes: 0, bound: "EXACT" },
        triage2: { text: "less than 15 minutes", minutes: 15, bound: "AT_MOST" },
        triage3Median: { minutes: 18 },
        triage3P95: { minutes: 49 },
        triage45Median: { text: "1 hour", minutes: 60, bound: "EXACT" },
        triage45P95: { minutes: 180 },
        topWait: null,
        managingTriage1: true,
        managingTriage2: false,
      },
      v1: { observedAt: "2020-02-14T11:45:00+08:00", topWait: { text: "Around 1 hour", minutes: 60, bound: "ABOUT" }, triage3Median: null, managingTriage1: null },
      before: null,
    });
  });

  it("answers a directory file's latest snapshot only, each file on its own", async () => {
    const trimmed = await variantOf("facility-hosp.json", (hospitals: Array<{ institution_eng: string }>) =>
      hospitals.filter((hospital) => hospital.institution_eng !== "Kowloon Hospital"),
    );
    await ingestFile(store, { datasetId: "ha-facility-directory", location: trimmed, observedAt: new Date("2025-06-01T00:00:00+08:00") });
    const { data } = await query(`{ hospitals(cluster: "KC") { id } clinics { id } gone: hospital(id: "kowloon-hospital") { id } }`);
    expect(data.hospitals.map((hospital: { id: string }) => hospital.id)).toEqual([
      "kwong-wah-hospital",
      "queen-elizabeth-hospital",
      "tung-wah-group-of-hospitals-wong-tai-sin-hospital",
    ]);
    expect(data.clinics).toHaveLength(7);
    expect(data.gone).toBeNull();
  });

  it("reports a feed name it cannot link, keeps linking the others, and leaves it out of the linked list", async () => {
    const withStranger = await variantOf("aedwtdata2-en.json", (feed: { waitTime: object[]; updateTime: string }) => ({
      waitTime: [...feed.waitTime, {
        hospName: "Imaginary Hospital",
        ...Object.fromEntries(["t1wt", "t2wt", "t3p50", "t3p95", "t45p50", "t45p95"].map((field) => [field, "5 minutes"])),
      }],
      updateTime: "21/1/2026 9:30PM",
    }));
    await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: withStranger });
    const { data } = await query(`{ hospitalAuthority { aedWaitingTimes {
      unlinkedHospitalNames
      latest { observedAt hospitalName hospital { id } }
    } } }`);
    const view = data.hospitalAuthority.aedWaitingTimes;
    expect(view.unlinkedHospitalNames).toEqual(["Imaginary Hospital"]);
    expect(view.latest).toHaveLength(6);
    expect(view.latest.every((item: { observedAt: string }) => item.observedAt === "2026-01-21T21:30:00+08:00")).toBe(true);
    expect(view.latest.find((item: { hospitalName: string }) => item.hospitalName === "St John Hospital")?.hospital.id).toBe("st-john-hospital");
  });
});
