import { FieldResolver, Resolver, Root } from "type-graphql";
import { AedWaitingTimeView, aedWaitingTimeView } from "./aed/aed-waiting-time-view.js";
import { AED_WAITING_TIME_DATASET, FACILITY_DIRECTORY_DATASET } from "./datasets.js";
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
}
