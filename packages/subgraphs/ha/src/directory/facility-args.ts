import { ArgsType, Field } from "type-graphql";
import { ClinicKind } from "./clinic.js";

@ArgsType()
export class FacilityFilterArgsType {
  @Field(() => String, {
    nullable: true,
    description: 'Only this hospital cluster, by its English or Chinese name, with or without "Cluster"/"醫院聯網", or its code: "Kowloon Central", "KC", "九龍中".',
  })
  cluster?: string | null;

  @Field(() => String, { nullable: true, description: "Only facilities whose name (English or Chinese) contains this text, case-insensitive." })
  name?: string | null;
}

@ArgsType()
export class HospitalFilterArgs extends FacilityFilterArgsType {
  @Field(() => Boolean, { nullable: true, description: "Only hospitals with (true) or without (false) an Accident and Emergency service." })
  withAeService?: boolean | null;
}

@ArgsType()
export class ClinicFilterArgs extends FacilityFilterArgsType {
  @Field(() => ClinicKind, { nullable: true, description: "Only clinics of this kind; both kinds by default." })
  kind?: ClinicKind | null;
}
