import { Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";
import { limitExceeded } from "./limit-error.js";

/** Counts the fields an operation selects at its root, through fragments, each repeat included. */
function rootFieldCount(selectionSet: SelectionSetNode, context: ValidationContext, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== "__typename") count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += rootFieldCount(selection.selectionSet, context, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += rootFieldCount(fragment.selectionSet, context, seen);
    }
  }
  return count;
}

/**
 * Refuses an operation with more root fields than `max`: each root field is its own subgraph
 * fetch and its own database work, so a long list of them is many queries in one.
 */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const found = rootFieldCount(operation.selectionSet, context);
      if (found > max) {
        context.reportError(limitExceeded("MAX_ROOT_FIELDS", max, `Root fields limit of ${max} exceeded, found ${found}.`, found));
      }
    },
  });
}
