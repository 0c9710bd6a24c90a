import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import {
  GraphQLError,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

/**
 * The custom scalars of the subgraphs (DateTime, Date, JSON), as they parse. The supergraph the
 * gateway serves declares them without their parsing, so without this a value such as
 * `asOf: "2022"` would pass the gateway and fail inside a subgraph's fetch.
 */
export function customScalarsOf(subgraphs: readonly Subgraph[]): ReadonlyMap<string, GraphQLScalarType> {
  const scalars = new Map<string, GraphQLScalarType>();
  for (const subgraph of subgraphs) {
    for (const type of Object.values(subgraph.schema.getTypeMap())) {
      // Federation's own (_Any, link__Import, federation__FieldSet) carry what the gateway sends.
      if (isScalarType(type) && !isSpecifiedScalarType(type) && !type.name.startsWith("_") && !type.name.includes("__")) {
        scalars.set(type.name, type);
      }
    }
  }
  return scalars;
}

/** The client's fault, so a 400: thrown in didResolveOperation without a status, Apollo answers 500. */
function badArgument(message: string, argument: string, node?: ASTNode): GraphQLError {
  return new GraphQLError(message, { ...(node && { nodes: node }), extensions: { code: "BAD_USER_INPUT", argument, http: { status: 400 } } });
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Literal values: each custom scalar parsed where it is written, named by its argument's path. */
function checkLiterals(schema: GraphQLSchema, document: DocumentNode, scalars: ReadonlyMap<string, GraphQLScalarType>): void {
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const valueKinds = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.LIST, Kind.OBJECT]);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node, key) {
        if (node.kind === Kind.ARGUMENT) path.push(node.name.value);
        else if (node.kind === Kind.OBJECT_FIELD) path.push(`.${node.name.value}`);
        else if (valueKinds.has(node.kind)) {
          const item = typeof key === "number" ? `[${key}]` : "";
          const type = typeInfo.getInputType();
          const scalar = type && !isListType(isNonNullType(type) ? type.ofType : type) ? scalars.get(getNamedType(type).name) : undefined;
          if (scalar && path.length > 0) {
            try {
              scalar.parseLiteral(node as never, undefined);
            } catch (error) {
              const argument = `${path.join("")}${item}`;
              throw badArgument(`Argument "${argument}" has an invalid ${scalar.name}: ${reason(error)}`, argument, node);
            }
            return false; // a scalar's insides (a JSON object) are its own
          }
          path.push(item);
        }
        return undefined;
      },
      leave(node) {
        if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD || valueKinds.has(node.kind)) path.pop();
      },
    }),
  );
}

/** A variable's value, through lists and input objects, with each custom scalar parsed. */
function checkValue(value: unknown, type: GraphQLInputType, name: string, scalars: ReadonlyMap<string, GraphQLScalarType>): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(value, type.ofType, name, scalars);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, index) => checkValue(item, type.ofType, `${name}[${index}]`, scalars));
    else checkValue(value, type.ofType, name, scalars);
    return;
  }
  if (isInputObjectType(type) && typeof value === "object") {
    for (const field of Object.values(type.getFields())) {
      checkValue((value as Record<string, unknown>)[field.name], field.type, `${name}.${field.name}`, scalars);
    }
    return;
  }
  const scalar = scalars.get(type.name);
  if (!scalar) return;
  try {
    scalar.parseValue(value);
  } catch (error) {
    throw badArgument(`Variable "${name}" has an invalid ${scalar.name}: ${reason(error)}`, name);
  }
}

function checkVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  scalars: ReadonlyMap<string, GraphQLScalarType>,
): void {
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const name = definition.variable.name.value;
    if (type) checkValue(variables[name], type, `$${name}`, scalars);
  }
}

/**
 * Refuses, with BAD_USER_INPUT naming the argument or variable, a DateTime, Date or JSON value
 * its subgraph could not parse, before any subgraph is asked.
 */
export function scalarArgumentsPlugin(subgraphs: readonly Subgraph[]): ApolloServerPlugin<BaseContext> {
  const scalars = customScalarsOf(subgraphs);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          checkLiterals(schema, document, scalars);
          checkVariables(schema, operation, request.variables ?? {}, scalars);
        },
      };
    },
  };
}
