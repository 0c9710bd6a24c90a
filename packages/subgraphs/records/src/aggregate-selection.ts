import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode, type ValueNode } from "graphql";
import type { AggregateFunction, AggregateRequest } from "@hkhealth/store";

const aggregateFunctions = new Set<string>(["sum", "avg", "min", "max"]);

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.STRING) return node.value;
  return undefined;
}

/**
 * The `sum/avg/min/max(field:)` a client selected on the groups, read from the query itself so
 * that PostgreSQL computes them all in the statement that groups the records.
 */
export function requestedAggregates(info: GraphQLResolveInfo): AggregateRequest[] {
  const requests: AggregateRequest[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (!aggregateFunctions.has(selection.name.value)) continue;
        const fieldArgument = selection.arguments?.find((argument) => argument.name.value === "field");
        const field = fieldArgument ? argumentValue(fieldArgument.value, info.variableValues) : undefined;
        if (typeof field === "string") requests.push({ fn: selection.name.value as AggregateFunction, field });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  info.fieldNodes.forEach((node: FieldNode) => visit(node.selectionSet));
  return requests;
}
