import { FieldResolver, Resolver, Root } from "type-graphql";
import { AedWaitingTimeView, aedWaitingTimeView } from "./aed/aed-waiting-time-view.js";
import { AeAttendanceView, aeAttendanceView } from "./attendance/ae-attendance-view.js";
import { AE_ATTENDANCE_DATASET, AED_WAITING_TIME_DATASET, FACILITY_DIRECTORY_DATASET, GOPC_QUOTA_DATASET, SOPC_WAITING_TIME_DATASET } from "./datasets.js";
import { GopcConsultationQuotaView, gopcConsultationQuotaView } from "./gopc/gopc-view.js";
import { SopcWaitingTimeView, sopcWaitingTimeView } from "./sopc/sopc-view.js";
import { FacilityDirectoryView, facilityDirectoryView } from "./directory/facility-directory-view.js";
import { HospitalAuthorityProfile } from "./profile.js";

/** The agency's typed views, reachable from its profile as well as from each Dataset's `view`. */
@Resolver(() => HospitalAuthorityProfile)
export class ProfileViewsResolver {
  @FieldResolver(() => FacilityDirectoryView, { description: "Its facility directory (hospitals and clinics) as typed objects." })
  facilityDirectory(@Root() _profile: HospitalAuthorityProfile): FacilityDirectoryView {
    return facilityDirectoryView(FACILITY_DIRECTORY_DATASET);
  }

  @FieldResolver(() => AedWaitingTimeView, { description: "Its Accident and Emergency waiting times as typed objects." })
  aedWaitingTimes(@Root() _profile: HospitalAuthorityProfile): AedWaitingTimeView {
    return aedWaitingTimeView(AED_WAITING_TIME_DATASET);
  }

  @FieldResolver(() => SopcWaitingTimeView, { description: "Its specialist out-patient new case waiting times as typed objects." })
  sopcWaitingTimes(@Root() _profile: HospitalAuthorityProfile): SopcWaitingTimeView {
    return sopcWaitingTimeView(SOPC_WAITING_TIME_DATASET);
  }

  @FieldResolver(() => GopcConsultationQuotaView, { description: "Its general out-patient clinics' consultation quotas as typed objects." })
  gopcConsultationQuotas(@Root() _profile: HospitalAuthorityProfile): GopcConsultationQuotaView {
    return gopcConsultationQuotaView(GOPC_QUOTA_DATASET);
  }

  @FieldResolver(() => AeAttendanceView, { description: "Its Accident and Emergency attendances by hospital and year as typed objects." })
  aeAttendances(@Root() _profile: HospitalAuthorityProfile): AeAttendanceView {
    return aeAttendanceView(AE_ATTENDANCE_DATASET);
  }
}
