import { Kind, type GraphQLResolveInfo, type ValueNode } from "graphql";
import type { AggregateFunction, AggregateRequest } from "@hkhealth/store";
import { selectedFields } from "@hkhealth/subgraph-kit";

const aggregateFunctions = new Set<string>(["sum", "avg", "median", "min", "max"]);

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.STRING) return node.value;
  return undefined;
}

/**
 * The `sum/avg/median/min/max(field:)` a client selected on the groups, read from the query itself so
 * that PostgreSQL computes them all in the statement that groups the records.
 */
export function requestedAggregates(info: GraphQLResolveInfo): AggregateRequest[] {
  return selectedFields(info).flatMap((selection) => {
    if (!aggregateFunctions.has(selection.name.value)) return [];
    const fieldArgument = selection.arguments?.find((argument) => argument.name.value === "field");
    const field = fieldArgument ? argumentValue(fieldArgument.value, info.variableValues) : undefined;
    return typeof field === "string" ? [{ fn: selection.name.value as AggregateFunction, field }] : [];
  });
}
