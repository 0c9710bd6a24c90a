import { composeServices } from "@apollo/composition";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import {
  defaultFieldResolver,
  GraphQLEnumType,
  GraphQLScalarType,
  isAbstractType,
  isObjectType,
  Kind,
  parse,
  printSchema,
  specifiedScalarTypes,
  type GraphQLAbstractType,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from "graphql";

/*
 * The monolith: one executable schema with the subgraphs' own resolvers and no federation at
 * run time. Its SDL is the supergraph's API schema (what clients of the gateway see); each field
 * runs the resolver of a subgraph that defines it. An object produced by one subgraph and asked
 * for a field another subgraph owns (a Dataset row from the plan, asked for `records`) is first
 * turned into that subgraph's object by calling its own `__resolveReference` in-process, once
 * per object, with the same per-request context (and so the same DataLoaders) the gateway's
 * subgraphs share. No query planning, no `_entities`, no serialisation between subgraphs.
 */

type Resolver = GraphQLFieldResolver<unknown, unknown>;
type ReferenceResolver = (reference: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

interface SubgraphTypes {
  readonly name: string;
  readonly schema: GraphQLSchema;
  /** "Type.field" declared @external here: present, but another subgraph resolves it. */
  readonly external: ReadonlySet<string>;
  /** Key fields of each entity this subgraph can resolve (a @key that is not resolvable: false). */
  readonly keys: ReadonlyMap<string, readonly string[]>;
}

function readSubgraphTypes(subgraph: Subgraph): SubgraphTypes {
  const external = new Set<string>();
  const keys = new Map<string, string[]>();
  for (const definition of parse(subgraph.typeDefs).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = definition as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
    for (const field of type.fields ?? []) {
      if (field.directives?.some((directive) => directive.name.value === "external")) external.add(`${type.name.value}.${field.name.value}`);
    }
    for (const directive of type.directives ?? []) {
      if (directive.name.value !== "key") continue;
      const argument = (name: string) => directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
      const resolvable = argument("resolvable");
      if (resolvable?.kind === Kind.BOOLEAN && !resolvable.value) continue;
      const fields = argument("fields");
      if (fields?.kind === Kind.STRING && !keys.has(type.name.value)) keys.set(type.name.value, fields.value.trim().split(/\s+/));
    }
  }
  return { name: subgraph.name, schema: subgraph.schema, external, keys };
}

/** Which subgraph produced each object: the one whose resolver returned it. */
const producedBy = new WeakMap<object, SubgraphTypes>();
/**
 * Per request (context): each object's counterpart in another subgraph, resolved once through
 * that subgraph's `__resolveReference`, as the gateway fetches an entity once per request.
 */
const counterparts = new WeakMap<object, WeakMap<object, Map<string, Promise<unknown>>>>();

function tag(value: unknown, subgraph: SubgraphTypes): unknown {
  if (value instanceof Promise) return value.then((resolved) => tag(resolved, subgraph));
  if (Array.isArray(value)) value.forEach((item) => tag(item, subgraph));
  else if (typeof value === "object" && value !== null) producedBy.set(value, subgraph);
  return value;
}

function fieldResolver(subgraph: SubgraphTypes, typeName: string, fieldName: string): Resolver {
  const type = subgraph.schema.getType(typeName) as GraphQLObjectType;
  return (type.getFields()[fieldName]?.resolve as Resolver | undefined) ?? (defaultFieldResolver as Resolver);
}

function referenceResolver(subgraph: SubgraphTypes, typeName: string): ReferenceResolver | undefined {
  const extensions = subgraph.schema.getType(typeName)?.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } } | undefined;
  return extensions?.apollo?.subgraph?.resolveReference;
}

/** The object `owner` knows for `source` (made by another subgraph): its `__resolveReference` of the key. */
function counterpart(source: object, typeName: string, owner: SubgraphTypes, context: unknown, info: GraphQLResolveInfo): Promise<unknown> {
  let ofRequest = counterparts.get(context as object);
  if (!ofRequest) counterparts.set(context as object, (ofRequest = new WeakMap()));
  let byOwner = ofRequest.get(source);
  if (!byOwner) ofRequest.set(source, (byOwner = new Map()));
  let resolved = byOwner.get(owner.name);
  if (!resolved) {
    const reference: Record<string, unknown> = { __typename: typeName };
    for (const key of owner.keys.get(typeName) ?? []) reference[key] = (source as Record<string, unknown>)[key];
    const resolve = referenceResolver(owner, typeName);
    resolved = Promise.resolve(resolve ? resolve(reference, context, info) : reference).then((entity) => tag(entity, owner));
    byOwner.set(owner.name, resolved);
  }
  return resolved;
}

function routedResolver(typeName: string, fieldName: string, owners: readonly SubgraphTypes[], isRoot: boolean): Resolver {
  const [firstOwner] = owners;
  if (!firstOwner) throw new Error(`No subgraph resolves ${typeName}.${fieldName}`);
  const resolvers = new Map(owners.map((owner) => [owner, fieldResolver(owner, typeName, fieldName)]));
  return (source, args, context, info) => {
    const producer = typeof source === "object" && source !== null ? producedBy.get(source) : undefined;
    // The subgraph that made the object resolves the field when it can; otherwise an owner does, on its own counterpart.
    if (isRoot || producer === undefined || resolvers.has(producer)) {
      const owner = producer !== undefined && resolvers.has(producer) ? producer : firstOwner;
      return tag(resolvers.get(owner)?.(source, args, context, info), owner);
    }
    const owner = owners.find((candidate) => candidate.keys.has(typeName));
    // A value type (no key): every subgraph that has it shares its fields, so any resolves them on the object itself.
    if (!owner) return tag(resolvers.get(firstOwner)?.(source, args, context, info), firstOwner);
    return counterpart(source as object, typeName, owner, context, info).then((entity) =>
      tag(resolvers.get(owner)?.(entity, args, context, info), owner),
    );
  };
}

function typeResolver(typeName: string, subgraphs: readonly SubgraphTypes[]): GraphQLTypeResolver<unknown, unknown> {
  return (value, context, info) => {
    const named = (value as { __typename?: unknown }).__typename;
    if (typeof named === "string") return named;
    const producer = typeof value === "object" && value !== null ? producedBy.get(value) : undefined;
    const candidates = producer ? [producer, ...subgraphs] : subgraphs;
    for (const subgraph of candidates) {
      const type = subgraph.schema.getType(typeName);
      if (type && isAbstractType(type) && type.resolveType) return type.resolveType(value, context, info, type as GraphQLAbstractType);
    }
    return undefined;
  };
}

/** Builds the monolith's executable schema from the subgraphs (as `buildAllSubgraphs` returns them). */
export function buildMonolithSchema(subgraphs: readonly Subgraph[]): GraphQLSchema {
  const composed = composeServices(subgraphs.map((subgraph) => ({ name: subgraph.name, url: "http://in-process", typeDefs: parse(subgraph.typeDefs) })));
  if (composed.errors) throw new Error(`Composition failed: ${composed.errors.map((error) => error.message).join("; ")}`);
  const api = composed.schema.toAPISchema().toGraphQLJSSchema();
  const all = subgraphs.map(readSubgraphTypes);
  const builtIn = new Set(specifiedScalarTypes.map((scalar) => scalar.name));
  const resolvers: Record<string, unknown> = {};

  for (const type of Object.values(api.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (type instanceof GraphQLScalarType && !builtIn.has(type.name)) {
      // The subgraphs' scalars (DateTime parses to Date, JSON...), so resolvers get the values they expect.
      const implementation = all.map((subgraph) => subgraph.schema.getType(type.name)).find((candidate) => candidate instanceof GraphQLScalarType);
      if (implementation) resolvers[type.name] = implementation;
    } else if (type instanceof GraphQLEnumType) {
      const implementation = all.map((subgraph) => subgraph.schema.getType(type.name)).find((candidate) => candidate instanceof GraphQLEnumType);
      if (implementation) resolvers[type.name] = Object.fromEntries(implementation.getValues().map((value) => [value.name, value.value]));
    } else if (isAbstractType(type)) {
      resolvers[type.name] = { __resolveType: typeResolver(type.name, all) };
    } else if (isObjectType(type)) {
      const isRoot = type.name === api.getQueryType()?.name;
      const fields: Record<string, Resolver> = {};
      for (const fieldName of Object.keys(type.getFields())) {
        const owners = all.filter((subgraph) => {
          const own = subgraph.schema.getType(type.name);
          return isObjectType(own) && Object.hasOwn(own.getFields(), fieldName) && !subgraph.external.has(`${type.name}.${fieldName}`);
        });
        fields[fieldName] = routedResolver(type.name, fieldName, owners, isRoot);
      }
      resolvers[type.name] = fields;
    }
  }
  return makeExecutableSchema({ typeDefs: printSchema(api), resolvers: resolvers as never });
}
