import type { GraphContext } from "@hkhealth/subgraph-kit";
import { resolveCluster } from "../clusters.js";
import { FacilityResource } from "../datasets.js";
import { ClinicKind, clinicKindOfResource, clinicKinds, clinicOf, type Clinic } from "./clinic.js";
import { findFacilityRecords, type FacilityQuery } from "./facility-records.js";
import { hospitalOf, type Hospital } from "./hospital.js";

export interface FacilityFilterArgs {
  readonly cluster?: string | null;
  readonly name?: string | null;
}

function facilityQuery(args: FacilityFilterArgs): FacilityQuery {
  const cluster = args.cluster != null ? resolveCluster(args.cluster) : null;
  return { cluster: cluster && { en: cluster.nameEn, zhHant: cluster.nameZh }, nameContains: args.name ?? null };
}

/** Hospitals of the latest directory, filtered in PostgreSQL. One statement. */
export async function findHospitals(context: GraphContext, args: FacilityFilterArgs & { withAeService?: boolean | null }): Promise<Hospital[]> {
  const rows = await findFacilityRecords(context.store.prisma, {
    ...facilityQuery(args),
    resources: [FacilityResource.HOSPITALS],
    withAeService: args.withAeService ?? null,
  });
  return rows.map(hospitalOf);
}

/** Clinics of the latest directory, of one kind or both, filtered in PostgreSQL. One statement. */
export async function findClinics(context: GraphContext, args: FacilityFilterArgs & { kind?: ClinicKind | null }): Promise<Clinic[]> {
  const kinds = args.kind ? [args.kind] : [ClinicKind.SPECIALIST_OUTPATIENT, ClinicKind.GENERAL_OUTPATIENT];
  const rows = await findFacilityRecords(context.store.prisma, { ...facilityQuery(args), resources: kinds.map((kind) => clinicKinds[kind].resource) });
  return rows.flatMap((row) => {
    const kind = clinicKindOfResource(row.resource);
    return kind ? [clinicOf(row, kind)] : [];
  });
}
