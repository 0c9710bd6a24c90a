import type { BatchOptions, PrismaClient } from "@hkhealth/store";
import type { GraphContext } from "@hkhealth/subgraph-kit";
import DataLoader from "dataloader";
import { aedWaitingTimeOf, type AedWaitingTime } from "./aed/aed-waiting-time.js";
import { findAedHospitalNames, findAedSnapshot } from "./aed/aed-records.js";
import { aeAttendanceOf, type AeAttendance } from "./attendance/ae-attendance.js";
import { AE_ATTENDANCE_DATASET, FacilityResource, GOPC_QUOTA_DATASET } from "./datasets.js";
import { ClinicKind, clinicKindOfResource, clinicOf, type Clinic } from "./directory/clinic.js";
import { findFacilityRecords } from "./directory/facility-records.js";
import { hospitalOf, type Hospital } from "./directory/hospital.js";
import { gopcQuotaOf, type GopcConsultationQuota } from "./gopc/gopc-quota.js";
import { linkHospitalNames, type LinkableHospital, type NameLinks } from "./hospital-names.js";
import { findLanguageSnapshot } from "./language-records.js";
import { PublishedLanguage } from "@hkhealth/plan";
import { type LanguageSnapshot } from "./languages.js";
import { textField, type RecordRow } from "./record-row.js";

/** The latest facility directory, read once per request. */
export interface Directory {
  readonly hospitals: readonly Hospital[];
  readonly clinics: readonly Clinic[];
}

/** An A&E snapshot with each record linked to its directory hospital where it can be. */
export interface LinkedAedSnapshot {
  /** Every record of the snapshot, in feed order. */
  readonly waitingTimes: readonly AedWaitingTime[];
  /** The first record of each linked hospital. */
  readonly byHospitalId: ReadonlyMap<string, AedWaitingTime>;
}

/** Caches one promise: a lookup every object of a request shares (the directory, the feed's names). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

/** The snapshot key of an `asOf` in a language: the latest snapshot, or the one in force at an instant. */
export function snapshotKey(asOf: Date | null | undefined, language: PublishedLanguage | null | undefined = PublishedLanguage.EN): string {
  return `${language ?? PublishedLanguage.EN}|${asOf ? asOf.toISOString() : "latest"}`;
}

function parseSnapshotKey(key: string): { language: PublishedLanguage; asOf: Date | null } {
  const [language = PublishedLanguage.EN, instant = "latest"] = key.split("|");
  return { language: language as PublishedLanguage, asOf: instant === "latest" ? null : new Date(instant) };
}

/** Caches one promise per key of its argument: a lookup that objects of a request share, per argument. */
function memo<A, T>(load: (argument: A) => Promise<T>, keyOf: (argument: A) => string = String): (argument: A) => Promise<T> {
  const promises = new Map<string, Promise<T>>();
  return (argument) => {
    const key = keyOf(argument);
    let promise = promises.get(key);
    if (!promise) promises.set(key, (promise = load(argument)));
    return promise;
  };
}

/** Typed objects of one file, each linked (or not) to a directory facility by the name the file gives it. */
export interface LinkedList<T> {
  readonly items: readonly T[];
  /** The items of each linked facility, in file order. */
  readonly byFacilityId: ReadonlyMap<string, readonly T[]>;
  /** Names of the file no facility could be found for. */
  readonly unlinked: readonly string[];
}

function linkedList<T>(rows: readonly RecordRow[], nameField: string, links: NameLinks, typed: (row: RecordRow, id: string | null) => T | null): LinkedList<T> {
  const items: T[] = [];
  const byFacilityId = new Map<string, T[]>();
  for (const row of rows) {
    const id = links.byName.get(textField(row.fields, nameField) ?? "") ?? null;
    const item = typed(row, id);
    if (item === null) continue;
    items.push(item);
    if (id !== null) byFacilityId.set(id, [...(byFacilityId.get(id) ?? []), item]);
  }
  return { items, byFacilityId, unlinked: links.unlinked };
}

const namesOf = (rows: readonly RecordRow[], field: string) => rows.map((row) => textField(row.fields, field)).filter((name): name is string => name !== null);

/** Per-request lookups of the Hospital Authority's subgraph; every lookup that repeats per object batches here. */
export function createHospitalAuthorityLoaders(prisma: PrismaClient, options: BatchOptions = {}) {
  const directory = once(async (): Promise<Directory> => {
    const rows = await findFacilityRecords(prisma);
    const hospitals = rows.filter((row) => row.resource === FacilityResource.HOSPITALS).map(hospitalOf);
    const clinics = rows.flatMap((row) => {
      const kind = clinicKindOfResource(row.resource);
      return kind ? [clinicOf(row, kind)] : [];
    });
    return { hospitals, clinics };
  });

  const link = async (names: Iterable<string>): Promise<NameLinks> => {
    const { hospitals } = await directory();
    return linkHospitalNames(names, hospitals.map((hospital) => ({ id: hospital.id, names: hospital.allNames, withAeService: hospital.withAeService })));
  };

  const linkGeneralClinics = async (names: Iterable<string>): Promise<NameLinks> => {
    const clinics = (await directory()).clinics.filter((clinic) => clinic.kind === ClinicKind.GENERAL_OUTPATIENT);
    return linkHospitalNames(names, clinics.map((clinic): LinkableHospital => ({ id: clinic.id, names: clinic.allNames, withAeService: false })));
  };

  /** One statement per distinct file asked for (dataset, language, time). */
  const snapshotOf = memo(
    (snapshot: LanguageSnapshot) => findLanguageSnapshot(prisma, snapshot),
    (snapshot) => [snapshot.datasetId, snapshotKey(snapshot.asOf, snapshot.language), ...(snapshot.preferredSeries ?? [])].join("|"),
  );

  /** Every name the feed has used, linked: for history and for the report of unlinked names. */
  const feedNameLinks = once(async () => link(await findAedHospitalNames(prisma)));

  return {
    directory,
    feedNameLinks,
    languageSnapshot: snapshotOf,
    /** Keyed by snapshotKey: the quota file in force in a language, each quota linked to its directory clinic. */
    gopcQuotas: memo(async (key: string): Promise<LinkedList<GopcConsultationQuota>> => {
      const rows = await snapshotOf({ datasetId: GOPC_QUOTA_DATASET, ...parseSnapshotKey(key) });
      return linkedList(rows, "Clinic", await linkGeneralClinics(namesOf(rows, "Clinic")), (row, id) => gopcQuotaOf(GOPC_QUOTA_DATASET, row, id));
    }),
    /** Keyed by snapshotKey (English only): the attendance file in force, each row linked to its directory hospital. */
    aeAttendances: memo(async (key: string): Promise<LinkedList<AeAttendance>> => {
      const rows = await snapshotOf({ datasetId: AE_ATTENDANCE_DATASET, ...parseSnapshotKey(key) });
      return linkedList(rows, "Hospital", await link(namesOf(rows, "Hospital")), (row, id) => aeAttendanceOf(AE_ATTENDANCE_DATASET, row, id));
    }),
    hospitalById: new DataLoader<string, Hospital | null>(async (ids) => {
      const byId = new Map((await directory()).hospitals.map((hospital) => [hospital.id, hospital]));
      return ids.map((id) => byId.get(id) ?? null);
    }, options),
    clinicById: new DataLoader<string, Clinic | null>(async (ids) => {
      const byId = new Map((await directory()).clinics.map((clinic) => [clinic.id, clinic]));
      return ids.map((id) => byId.get(id) ?? null);
    }, options),
    /** Keyed by snapshotKey: one statement per distinct asOf, whatever the number of hospitals asking. */
    aedSnapshot: new DataLoader<string, LinkedAedSnapshot>((keys) =>
      Promise.all(
        keys.map(async (key) => {
          const rows = await findAedSnapshot(prisma, parseSnapshotKey(key));
          const names = rows.map((row) => textField(row.fields, "hospName"));
          const links = await link(names.filter((name): name is string => name !== null));
          const waitingTimes = rows.map((row, index) => aedWaitingTimeOf(row, links.byName.get(names[index] ?? "") ?? null));
          const byHospitalId = new Map<string, AedWaitingTime>();
          for (const waitingTime of waitingTimes) {
            if (waitingTime.hospitalId !== null && !byHospitalId.has(waitingTime.hospitalId)) byHospitalId.set(waitingTime.hospitalId, waitingTime);
          }
          return { waitingTimes, byHospitalId };
        }),
      ),
      options,
    ),
  };
}

export type HospitalAuthorityLoaders = ReturnType<typeof createHospitalAuthorityLoaders>;

// One set per request: keyed by the request's context object, made on first use, dropped with it.
const loadersByContext = new WeakMap<GraphContext, HospitalAuthorityLoaders>();

/** The request's Hospital Authority loaders. */
export function haLoaders(context: GraphContext): HospitalAuthorityLoaders {
  let loaders = loadersByContext.get(context);
  if (!loaders) {
    loaders = createHospitalAuthorityLoaders(context.store.prisma, context.batchOptions);
    loadersByContext.set(context, loaders);
  }
  return loaders;
}
