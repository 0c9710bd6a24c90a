import { AgencyCode } from "@hkhealth/plan";
import { Field, ObjectType } from "type-graphql";
import { answeredBy } from "./partial-answers.js";
import { entityStub, type EntityStubClass } from "./entity-stub.js";
import { AgencyReference } from "./references.js";

/**
 * GraphQL name of each agency's profile type. The plan subgraph returns `Agency.profile` as a
 * union of these; each is owned by its agency's subgraph, so the gateway routes a profile to
 * the right subgraph by its type.
 */
export const agencyProfileTypeName = {
  [AgencyCode.HB]: "HealthBureauProfile",
  [AgencyCode.HA]: "HospitalAuthorityProfile",
  [AgencyCode.DH]: "DepartmentOfHealthProfile",
} as const satisfies Record<AgencyCode, string>;

/** Fields every agency profile has; each agency subgraph extends it with its own. */
// Never returned itself: only its subclasses are reachable from resolvers, so only they are emitted.
@ObjectType()
export abstract class AgencyProfileBase {
  @Field(() => AgencyCode, { description: "Code of the agency." })
  code!: AgencyCode;

  @Field(() => String, { description: "The agency's official website." })
  website!: string;

  @Field(() => AgencyReference, answeredBy("plan", "The agency in the plan, with its datasets."))
  agency!: AgencyReference;
}

/** The key-only stand-in of each profile type, for the plan subgraph's `AgencyProfile` union. */
export function agencyProfileStub(code: AgencyCode): EntityStubClass {
  return entityStub(agencyProfileTypeName[code], "code", () => AgencyCode, `Profile of ${code}, resolved by its agency's subgraph.`);
}
