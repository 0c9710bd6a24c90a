import { Directive, Field, ObjectType } from "type-graphql";
import { textField, type RecordRow } from "../record-row.js";
import { Facility, facilityFields } from "./facility.js";

@ObjectType("Hospital", { description: "A public hospital or institution of the Hospital Authority (facility-hosp.json)." })
@Directive('@key(fields: "id")')
export class Hospital extends Facility {
  @Field(() => Boolean, { description: "Whether it has an Accident and Emergency service (with_AE_service_eng)." })
  withAeService!: boolean;
}

export function hospitalOf(row: RecordRow): Hospital {
  return Object.assign(new Hospital(), {
    ...facilityFields(row),
    withAeService: textField(row.fields, "with_AE_service_eng")?.toLowerCase() === "yes",
  });
}
