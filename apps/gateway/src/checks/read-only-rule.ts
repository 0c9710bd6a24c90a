import { GraphQLError, type ASTVisitor, type ValidationRule } from "graphql";

/**
 * Refuses mutations and subscriptions with a 400 naming why: the graph is read-only (data is
 * written by the ingest CLI, never through the graph). Without it the gateway's query planner
 * fails on the missing root type with a 500.
 */
export const readOnlyRule: ValidationRule = (context): ASTVisitor => ({
  OperationDefinition(operation) {
    if (operation.operation !== "query") {
      context.reportError(
        new GraphQLError(`This graph is read-only: it has no ${operation.operation}s, only queries.`, { nodes: [operation] }),
      );
    }
  },
});
