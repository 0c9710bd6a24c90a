import type { AgencyCode } from "@hkhealth/plan";
import { Query, Resolver, type NonEmptyArray } from "type-graphql";
import { agencyProfileTypeName, type AgencyProfileBase } from "./agency-profile.js";
import { answeredBy } from "./partial-answers.js";
import { buildSubgraph, type Subgraph, type SubgraphDefinition, type TypeGraphQLClass } from "./build-subgraph.js";

export interface AgencySubgraphDefinition<Profile extends AgencyProfileBase> {
  readonly code: AgencyCode;
  /** Subgraph name in the supergraph, e.g. "hospital-authority". */
  readonly name: string;
  /** Root field that returns the profile, e.g. "hospitalAuthority". */
  readonly rootField: string;
  /** The agency's profile type: a subclass of AgencyProfileBase named per `agencyProfileTypeName`. */
  readonly profileType: abstract new () => Profile;
  readonly profile: Profile;
  readonly resolvers?: TypeGraphQLClass[];
  readonly referenceResolvers?: SubgraphDefinition["referenceResolvers"];
}

/** Builds an agency's subgraph: its profile entity, the root field to reach it, and its own resolvers. */
export function buildAgencySubgraph<Profile extends AgencyProfileBase>(
  definition: AgencySubgraphDefinition<Profile>,
): Promise<Subgraph> {
  const { profile, profileType } = definition;

  @Resolver(() => profileType)
  class AgencyProfileResolver {
    @Query(() => profileType, { name: definition.rootField, ...answeredBy(definition.name, `Profile of the ${definition.code} agency.`) })
    profile(): Profile {
      return profile;
    }
  }

  return buildSubgraph({
    name: definition.name,
    resolvers: [AgencyProfileResolver, ...(definition.resolvers ?? [])] as NonEmptyArray<TypeGraphQLClass>,
    referenceResolvers: {
      [agencyProfileTypeName[definition.code]]: () => profile,
      ...definition.referenceResolvers,
    },
  });
}
