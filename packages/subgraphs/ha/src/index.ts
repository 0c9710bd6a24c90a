import { AgencyCode } from "@hkhealth/plan";
import { buildAgencySubgraph, type Subgraph } from "@hkhealth/subgraph-kit";
import { AedWaitingTimeConnectionResolver } from "./aed/aed-waiting-time-connection.resolver.js";
import { aedWaitingTimeView } from "./aed/aed-waiting-time-view.js";
import { AedWaitingTimeViewResolver } from "./aed/aed-waiting-time-view.resolver.js";
import { AedWaitingTimeResolver } from "./aed/aed-waiting-time.resolver.js";
import { ClinicResolver } from "./directory/clinic.resolver.js";
import { facilityDirectoryView, FacilityDirectoryViewResolver } from "./directory/facility-directory-view.js";
import { HospitalResolver } from "./directory/hospital.resolver.js";
import { haLoaders } from "./loaders.js";
import { HospitalAuthorityProfile, hospitalAuthorityProfile } from "./profile.js";
import { aeAttendanceLinkResolvers, AeAttendanceResolver, aeAttendanceView, AeAttendanceViewResolver, HospitalAttendanceResolver } from "./attendance/ae-attendance-view.js";
import {
  ClinicQuotaResolver,
  GopcConsultationQuotaResolver,
  gopcConsultationQuotaView,
  GopcConsultationQuotaViewResolver,
  gopcQuotaLinkResolvers,
} from "./gopc/gopc-view.js";
import { sopcLinkResolvers, sopcWaitingTimeView, SopcWaitingTimeViewResolver } from "./sopc/sopc-view.js";
import { ProfileViewsResolver } from "./profile-views.resolver.js";

export const HOSPITAL_AUTHORITY_SUBGRAPH = "hospital-authority";

/** The Hospital Authority's subgraph: its profile, its facility directory, A&E waiting times and attendances, SOPC waiting times and GOPC quotas. */
export function buildHospitalAuthoritySubgraph(): Promise<Subgraph> {
  return buildAgencySubgraph({
    code: AgencyCode.HA,
    name: HOSPITAL_AUTHORITY_SUBGRAPH,
    rootField: "hospitalAuthority",
    profileType: HospitalAuthorityProfile,
    profile: hospitalAuthorityProfile,
    resolvers: [
      ProfileViewsResolver,
      HospitalResolver,
      ClinicResolver,
      FacilityDirectoryViewResolver,
      AedWaitingTimeResolver,
      AedWaitingTimeViewResolver,
      AedWaitingTimeConnectionResolver,
      SopcWaitingTimeViewResolver,
      ...sopcLinkResolvers,
      GopcConsultationQuotaViewResolver,
      GopcConsultationQuotaResolver,
      ClinicQuotaResolver,
      ...gopcQuotaLinkResolvers,
      AeAttendanceViewResolver,
      AeAttendanceResolver,
      HospitalAttendanceResolver,
      ...aeAttendanceLinkResolvers,
    ],
    referenceResolvers: {
      // The plan subgraph hands over views by dataset id (Dataset.view); the view needs nothing loaded.
      FacilityDirectoryView: (reference) => facilityDirectoryView(String(reference.datasetId)),
      AedWaitingTimeView: (reference) => aedWaitingTimeView(String(reference.datasetId)),
      SopcWaitingTimeView: (reference) => sopcWaitingTimeView(String(reference.datasetId)),
      GopcConsultationQuotaView: (reference) => gopcConsultationQuotaView(String(reference.datasetId)),
      AeAttendanceView: (reference) => aeAttendanceView(String(reference.datasetId)),
      Hospital: (reference, context) => haLoaders(context).hospitalById.load(String(reference.id)),
      Clinic: (reference, context) => haLoaders(context).clinicById.load(String(reference.id)),
    },
  });
}

export { HospitalAuthorityProfile, HospitalCluster, hospitalAuthorityProfile } from "./profile.js";
export { parseWaitingTime, waitingTimeFromHours, WaitBound, type ParsedWaitingTime } from "./waiting-time/parse-waiting-time.js";
export { hospitalNameKey, linkHospitalNames } from "./hospital-names.js";
