import { answeredBy, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import { haLoaders } from "../loaders.js";
import { Clinic } from "./clinic.js";
import { ClinicFilterArgs } from "./facility-args.js";
import { findClinics } from "./facility-queries.js";

@Resolver(() => Clinic)
export class ClinicResolver {
  @Query(() => [Clinic], answeredBy("hospital-authority", "Specialist and general out-patient clinics of the Hospital Authority's latest facility directory."))
  clinics(@Args(() => ClinicFilterArgs) args: ClinicFilterArgs, @Ctx() context: GraphContext): Promise<Clinic[]> {
    return findClinics(context, args);
  }

  @Query(() => Clinic, answeredBy("hospital-authority", "A clinic of the latest facility directory by its id; null when there is none."))
  clinic(@Arg("id", () => ID, { description: 'Its id, e.g. "gopc:anne-black-general-out-patient-clinic".' }) id: string, @Ctx() context: GraphContext): Promise<Clinic | null> {
    return haLoaders(context).clinicById.load(id);
  }
}
