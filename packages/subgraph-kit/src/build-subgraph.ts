import "reflect-metadata";
import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { checkArgumentsOfEveryField } from "./argument-checks.js";
import type { GraphContext } from "./context.js";

/** Federation 2 directives a subgraph may use. */
const federationLink =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

const queryDescription =
  "Hong Kong public health open data: what the Health Bureau's Open Data Plan promised, what was released, and what the data says.";

/** A class decorated for type-graphql (resolver or type): type-graphql's own type for them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type TypeGraphQLClass = Function;

export type ReferenceResolver = (reference: Record<string, unknown>, context: GraphContext) => unknown;

export interface SubgraphDefinition {
  /** Name in the supergraph, e.g. "plan" or "hospital-authority". */
  readonly name: string;
  readonly resolvers: NonEmptyArray<TypeGraphQLClass>;
  /** Types not reachable from the resolvers' return types but part of this subgraph. */
  readonly orphanedTypes?: TypeGraphQLClass[];
  /**
   * `__resolveReference` for each entity this subgraph resolves. The gateway sends one
   * representation at a time, so each must load through a per-request DataLoader.
   */
  readonly referenceResolvers?: Readonly<Record<string, ReferenceResolver>>;
  /** Resolvers for types type-graphql does not produce (unions declared by hand, say). */
  readonly extraResolvers?: GraphQLResolverMap<GraphContext>;
}

export interface Subgraph {
  readonly name: string;
  /** The subgraph's SDL with federation directives, as composition reads it. */
  readonly typeDefs: string;
  /** The executable subgraph schema (with `_service` and `_entities`). */
  readonly schema: GraphQLSchema;
}

/**
 * Builds a federated subgraph from type-graphql resolvers: the one place every subgraph
 * goes through, so they share directives, scalars and reference resolution.
 */
export async function buildSubgraph(definition: SubgraphDefinition): Promise<Subgraph> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes ?? [],
    // The federation directives are declared by the @link, which type-graphql does not see.
    skipCheck: true,
    validate: false,
  });
  // type-graphql cannot describe the root type; every subgraph gives it the same words.
  const printed = printSchemaWithDirectives(typeGraphqlSchema).replace(/^type Query /m, `"""${queryDescription}"""\ntype Query `);
  const typeDefs = `${federationLink}\n\n${printed}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<GraphContext>;
  for (const [typeName, resolveReference] of Object.entries(definition.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference };
  }
  for (const [typeName, extra] of Object.entries(definition.extraResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(extra as object) };
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(typeDefs), resolvers }]);
  checkArgumentsOfEveryField(schema, (context) => (context as Partial<GraphContext> | undefined)?.argumentLimits);
  return { name: definition.name, typeDefs, schema };
}
