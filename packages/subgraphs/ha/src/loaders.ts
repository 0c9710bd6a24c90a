import type { PrismaClient } from "@hkhealth/store";
import type { GraphContext } from "@hkhealth/subgraph-kit";
import DataLoader from "dataloader";
import { aedWaitingTimeOf, type AedWaitingTime } from "./aed/aed-waiting-time.js";
import { findAedHospitalNames, findAedSnapshot } from "./aed/aed-records.js";
import { FacilityResource } from "./datasets.js";
import { clinicKindOfResource, clinicOf, type Clinic } from "./directory/clinic.js";
import { findFacilityRecords } from "./directory/facility-records.js";
import { hospitalOf, type Hospital } from "./directory/hospital.js";
import { linkHospitalNames, type NameLinks } from "./hospital-names.js";
import { textField } from "./record-row.js";

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

/** The snapshot key of an `asOf`: the latest snapshot, or the one in force at an instant. */
export function snapshotKey(asOf: Date | null | undefined): string {
  return asOf ? asOf.toISOString() : "latest";
}

/** Per-request lookups of the Hospital Authority's subgraph; every lookup that repeats per object batches here. */
export function createHospitalAuthorityLoaders(prisma: PrismaClient) {
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

  /** Every name the feed has used, linked: for history and for the report of unlinked names. */
  const feedNameLinks = once(async () => link(await findAedHospitalNames(prisma)));

  return {
    directory,
    feedNameLinks,
    hospitalById: new DataLoader<string, Hospital | null>(async (ids) => {
      const byId = new Map((await directory()).hospitals.map((hospital) => [hospital.id, hospital]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    clinicById: new DataLoader<string, Clinic | null>(async (ids) => {
      const byId = new Map((await directory()).clinics.map((clinic) => [clinic.id, clinic]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Keyed by snapshotKey: one statement per distinct asOf, whatever the number of hospitals asking. */
    aedSnapshot: new DataLoader<string, LinkedAedSnapshot>((keys) =>
      Promise.all(
        keys.map(async (key) => {
          const rows = await findAedSnapshot(prisma, key === "latest" ? null : new Date(key));
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
    loaders = createHospitalAuthorityLoaders(context.store.prisma);
    loadersByContext.set(context, loaders);
  }
  return loaders;
}
