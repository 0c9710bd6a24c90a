import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import type { BilingualText } from "../shared/localised.js";
import type { RecordOrigin } from "@hkhealth/subgraph-kit";

export enum DistrictHealthCentreKind {
  CENTRE = "CENTRE",
  EXPRESS = "EXPRESS",
}
registerEnumType(DistrictHealthCentreKind, {
  name: "DistrictHealthCentreKind",
  description: "Whether a main centre is a full District Health Centre or an interim DHC Express.",
  valuesConfig: {
    CENTRE: { description: "District Health Centre (地區康健中心), plan row A1." },
    EXPRESS: { description: "District Health Centre Express (地區康健站), plan row A2." },
  },
});

@ObjectType({ description: "The main centre of a District Health Centre or DHC Express, as the Health Bureau lists it." })
export class DistrictHealthCentre implements RecordOrigin {
  @Field(() => ID, { description: "Id of the record it was read from (a new file of the dataset gives new ids)." })
  id!: string;

  @Field(() => DistrictHealthCentreKind, { description: "District Health Centre or DHC Express." })
  kind!: DistrictHealthCentreKind;

  @Field(() => String, { nullable: true, description: "Telephone number, as published." })
  telephone!: string | null;

  @Field(() => String, { nullable: true, description: "Website, as published." })
  website!: string | null;

  @Field(() => Float, { nullable: true, description: "Latitude in degrees (WGS 84)." })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude in degrees (WGS 84)." })
  longitude!: number | null;

  nameText!: BilingualText;
  districtText!: BilingualText;
  addressText!: BilingualText;
  openingHoursText!: BilingualText;
  datasetId!: string;
  ingestionId!: number;
}
