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
  /** Values the response may hold: each field of the merged selection, once per object it can appear under. */
  readonly cost: number;
  /** The largest `first` anywhere in the operation, if any. */
  readonly largestPage?: PageRequest;
}

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Cost of one instance of a merged selection, by its selection sets, type and page: each is computed once. */
  readonly memo: Map<string, number>;
  readonly ids: Map<SelectionSetNode, number>;
  largestPage?: PageRequest;
}

/** The fields of one response name in a merged selection, each with the type it was selected on. */
interface MergedField {
  readonly occurrences: Array<{ readonly node: FieldNode; readonly parentType: GraphQLCompositeType }>;
}

/**
 * Estimates what an operation costs: the values its response may hold. Fields merge as in
 * execution (the same response name, through any fragments, is one field whose selection is the
 * union), so a fragment spread twice costs once. Each field of the merged selection costs 1 per
 * object it can appear under (`__typename` and scalars included); introspection is free. A field
 * with `first` makes the list directly under it (`edges`) that long (20 when omitted, as the
 * subgraphs default); any other list of objects counts ASSUMED_LIST_LENGTH. Runs after
 * validation, with the request's variables, so `first: $first` counts its value. Each merged
 * selection is costed once (memoised), so reused fragments cannot make the walk exponential.
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
  const walk: Walk = { schema, fragments, variables: { ...defaults, ...variables }, memo: new Map(), ids: new Map() };
  const root = schema.getRootType(operation.operation);
  const cost = root ? selectionCost(walk, [operation.selectionSet], root, undefined) : 0;
  return { cost, ...(walk.largestPage && { largestPage: walk.largestPage }) };
}

/** Cost of one instance of the merged selection of `selectionSets`; `page` is the length of lists directly under a paginated field. */
function selectionCost(walk: Walk, selectionSets: readonly SelectionSetNode[], type: GraphQLCompositeType, page: number | undefined): number {
  const key = `${type.name}|${page ?? ""}|${selectionSets.map((set) => idOf(walk, set)).join(",")}`;
  const known = walk.memo.get(key);
  if (known !== undefined) return known;
  let cost = 0;
  for (const merged of mergeFields(walk, selectionSets, type).values()) cost += fieldCost(walk, merged, page);
  walk.memo.set(key, cost);
  return cost;
}

function fieldCost(walk: Walk, merged: MergedField, page: number | undefined): number {
  const { node, parentType } = merged.occurrences[0]!;
  const name = node.name.value;
  if (name === "__typename") return 1;
  if (name.startsWith("__")) return 0; // introspection
  const field = fieldOf(parentType, name);
  if (!field) return 0;
  const type = getNamedType(field.type);
  if (!isCompositeType(type)) return 1;

  const isList = isListType(getNullableType(field.type));
  const paginated = field.args.some((argument) => argument.name === "first");
  let pageSize: number | undefined;
  if (paginated) {
    pageSize = Math.max(...merged.occurrences.map((occurrence) => pageSizeOf(walk, occurrence.node)));
    if (!walk.largestPage || pageSize > walk.largestPage.size) walk.largestPage = { field: `${parentType.name}.${field.name}`, size: pageSize };
  }
  const length = !isList ? 1 : paginated ? pageSize! : (page ?? ASSUMED_LIST_LENGTH);
  const subSelections = merged.occurrences.flatMap((occurrence) => (occurrence.node.selectionSet ? [occurrence.node.selectionSet] : []));
  const under = selectionCost(walk, [...new Set(subSelections)], type, paginated && !isList ? pageSize : undefined);
  return length * (1 + under);
}

/**
 * The fields `selectionSets` select, merged by response name through inline fragments and
 * fragment spreads. Each fragment is visited once per merge: spreading it again adds nothing.
 */
function mergeFields(walk: Walk, selectionSets: readonly SelectionSetNode[], type: GraphQLCompositeType): Map<string, MergedField> {
  const fields = new Map<string, MergedField>();
  const visitedFragments = new Set<string>();
  const collect = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const responseName = selection.alias?.value ?? selection.name.value;
        const merged = fields.get(responseName) ?? { occurrences: [] };
        merged.occurrences.push({ node: selection, parentType });
        fields.set(responseName, merged);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parentType;
        if (condition && isCompositeType(condition)) collect(selection.selectionSet, condition);
      } else if (!visitedFragments.has(selection.name.value)) {
        visitedFragments.add(selection.name.value);
        const fragment = walk.fragments.get(selection.name.value);
        const condition = fragment && walk.schema.getType(fragment.typeCondition.name.value);
        if (fragment && condition && isCompositeType(condition)) collect(fragment.selectionSet, condition);
      }
    }
  };
  for (const selectionSet of selectionSets) collect(selectionSet, type);
  return fields;
}

function idOf(walk: Walk, selectionSet: SelectionSetNode): number {
  let id = walk.ids.get(selectionSet);
  if (id === undefined) {
    id = walk.ids.size;
    walk.ids.set(selectionSet, id);
  }
  return id;
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
