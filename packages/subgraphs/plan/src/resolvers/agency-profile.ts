import { AgencyCode } from "@hkhealth/plan";
import { agencyProfileStub, agencyProfileTypeName } from "@hkhealth/subgraph-kit";
import { createUnionType } from "type-graphql";

const stubs = Object.values(AgencyCode).map((code) => agencyProfileStub(code));

/** An agency's own profile: each member is served by that agency's subgraph. */
export const AgencyProfile = createUnionType({
  name: "AgencyProfile",
  description: "What an agency's own subgraph says about it (website, and for HA its hospital clusters).",
  types: () => stubs,
  resolveType: (profile) => agencyProfileTypeName[(profile as { code: AgencyCode }).code],
});
