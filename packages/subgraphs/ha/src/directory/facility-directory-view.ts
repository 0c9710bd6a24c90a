import { answeredBy, DatasetReference, type GraphContext } from "@hkhealth/subgraph-kit";
import { Args, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from "type-graphql";
import { Clinic } from "./clinic.js";
import { ClinicFilterArgs, HospitalFilterArgs } from "./facility-args.js";
import { findClinics, findHospitals } from "./facility-queries.js";
import { Hospital } from "./hospital.js";

@ObjectType("FacilityDirectoryView", {
  description: "The Hospital Authority's facility directory (plan row D3) as typed objects: hospitals and out-patient clinics, from its latest files.",
})
@Directive('@key(fields: "datasetId")')
export class FacilityDirectoryView {
  @Field(() => ID, { description: 'The dataset, "ha-facility-directory".' })
  datasetId!: string;

  @Field(() => DatasetReference, answeredBy("plan", "The dataset of the plan this view types."))
  dataset(): DatasetReference {
    return { id: this.datasetId };
  }
}

export function facilityDirectoryView(datasetId: string): FacilityDirectoryView {
  return Object.assign(new FacilityDirectoryView(), { datasetId });
}

@Resolver(() => FacilityDirectoryView)
export class FacilityDirectoryViewResolver {
  @FieldResolver(() => [Hospital], { description: "Hospitals and institutions (facility-hosp.json), filtered; all by default." })
  hospitals(@Root() _view: FacilityDirectoryView, @Args(() => HospitalFilterArgs) args: HospitalFilterArgs, @Ctx() context: GraphContext): Promise<Hospital[]> {
    return findHospitals(context, args);
  }

  @FieldResolver(() => [Clinic], { description: "Specialist (facility-sop.json) and general (facility-gop.json) out-patient clinics, filtered; all by default." })
  clinics(@Root() _view: FacilityDirectoryView, @Args(() => ClinicFilterArgs) args: ClinicFilterArgs, @Ctx() context: GraphContext): Promise<Clinic[]> {
    return findClinics(context, args);
  }
}
