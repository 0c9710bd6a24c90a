import { DEFAULT_PAGE_SIZE } from "@hkhealth/subgraph-kit";
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/**
 * A list without `first` (a dataset's releases, an agency's datasets) is assumed this long:
 * such lists are short in this graph, but nesting them multiplies.
 */
export const ASSUMED_LIST_LENGTH = 10;

export interface PageRequest {
  /** "Type.field" that takes the `first`. */
  readonly field: string;
  readonly size: number;
}

export interface CostEstimate {
  /** Objects the operation may produce: each object field counts once per parent it can appear under. */
  readonly cost: number;
  /** The largest `first` anywhere in the operation, if any. */
  readonly largestPage?: PageRequest;
}

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  cost: number;
  largestPage?: PageRequest;
}

/**
 * Estimates what an operation costs: page size × nesting. A field with `first` multiplies what
 * is under it by `first` (20 when omitted, as the subgraphs default); a list directly under it
 * is that page; any other list of objects multiplies by ASSUMED_LIST_LENGTH. Introspection is free.
 * Runs after validation, with the request's variables, so `first: $first` counts its value.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): CostEstimate {
  const fragments = new Map(
    document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const defaults = Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((definition) => definition.defaultValue)
      .map((definition) => [definition.variable.name.value, literalNumber(definition.defaultValue!, {})]),
  );
  const walk: Walk = { schema, fragments, variables: { ...defaults, ...variables }, cost: 0 };
  const root = schema.getRootType(operation.operation);
  if (root) visitSelections(walk, operation.selectionSet, root, 1, false);
  return { cost: walk.cost, ...(walk.largestPage && { largestPage: walk.largestPage }) };
}

function visitSelections(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  multiplier: number,
  insidePage: boolean,
  fragmentsOnPath: ReadonlySet<string> = new Set(),
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      visitField(walk, selection, parentType, multiplier, insidePage);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parentType;
      if (type && isCompositeType(type)) visitSelections(walk, selection.selectionSet, type, multiplier, insidePage, fragmentsOnPath);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      // Validation refuses fragment cycles; the guard keeps a bad document from looping here.
      if (fragment && type && isCompositeType(type) && !fragmentsOnPath.has(name)) {
        visitSelections(walk, fragment.selectionSet, type, multiplier, insidePage, new Set([...fragmentsOnPath, name]));
      }
    }
  }
}

function visitField(walk: Walk, node: FieldNode, parentType: GraphQLCompositeType, multiplier: number, insidePage: boolean): void {
  if (node.name.value.startsWith("__")) return;
  const field = fieldOf(parentType, node.name.value);
  if (!field) return;
  const type = getNamedType(field.type);
  if (!isCompositeType(type) || !node.selectionSet) return;

  let factor = 1;
  const paginated = field.args.some((argument) => argument.name === "first");
  if (paginated) {
    factor = pageSizeOf(walk, node);
    const size = factor;
    if (!walk.largestPage || size > walk.largestPage.size) walk.largestPage = { field: `${parentType.name}.${field.name}`, size };
  } else if (isListType(getNullableType(field.type)) && !insidePage) {
    factor = ASSUMED_LIST_LENGTH;
  }
  const produced = multiplier * factor;
  walk.cost += produced;
  visitSelections(walk, node.selectionSet, type, produced, paginated);
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** The page a field asks for: its `first`, or the subgraphs' default when omitted or not a positive number. */
function pageSizeOf(walk: Walk, node: FieldNode): number {
  const argument = node.arguments?.find((candidate) => candidate.name.value === "first");
  const size = argument ? literalNumber(argument.value, walk.variables) : undefined;
  return size !== undefined && Number.isFinite(size) && size >= 1 ? size : DEFAULT_PAGE_SIZE;
}

function literalNumber(value: ValueNode, variables: Readonly<Record<string, unknown>>): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === "number" ? given : undefined;
  }
  return undefined;
}
