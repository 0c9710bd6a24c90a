import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { FacilityResource } from "../datasets.js";
import type { RecordRow } from "../record-row.js";
import { Facility, facilityFields } from "./facility.js";

export enum ClinicKind {
  SPECIALIST_OUTPATIENT = "SPECIALIST_OUTPATIENT",
  GENERAL_OUTPATIENT = "GENERAL_OUTPATIENT",
}

registerEnumType(ClinicKind, {
  name: "ClinicKind",
  description: "The Hospital Authority's two kinds of out-patient clinic, each published as its own directory file.",
  valuesConfig: {
    SPECIALIST_OUTPATIENT: { description: "Specialist out-patient clinic (SOPC, facility-sop.json)." },
    GENERAL_OUTPATIENT: { description: "General out-patient clinic (GOPC, facility-gop.json)." },
  },
});

/** Each kind's directory file, and the prefix that keeps its ids apart from the other kind's. */
export const clinicKinds: Readonly<Record<ClinicKind, { resource: FacilityResource; idPrefix: string }>> = {
  [ClinicKind.SPECIALIST_OUTPATIENT]: { resource: FacilityResource.SPECIALIST_CLINICS, idPrefix: "sopc" },
  [ClinicKind.GENERAL_OUTPATIENT]: { resource: FacilityResource.GENERAL_CLINICS, idPrefix: "gopc" },
};

@ObjectType("Clinic", { description: "An out-patient clinic of the Hospital Authority: specialist (SOPC) or general (GOPC)." })
@Directive('@key(fields: "id")')
export class Clinic extends Facility {
  @Field(() => ClinicKind, { description: "Specialist or general out-patient clinic." })
  kind!: ClinicKind;
}

/** A clinic of a directory record; its id is prefixed with its kind ("gopc:anne-black-general-out-patient-clinic"). */
export function clinicOf(row: RecordRow, kind: ClinicKind): Clinic {
  const fields = facilityFields(row);
  return Object.assign(new Clinic(), { ...fields, id: `${clinicKinds[kind].idPrefix}:${fields.id}`, kind });
}

export function clinicKindOfResource(resource: string): ClinicKind | undefined {
  return (Object.keys(clinicKinds) as ClinicKind[]).find((kind) => clinicKinds[kind].resource === resource);
}
