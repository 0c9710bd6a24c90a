import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind, type DocumentNode } from "graphql";

/** Why no operation of `document` was chosen for `operationName`. */
export function unresolvedOperationMessage(document: DocumentNode, operationName: string | undefined): string {
  const names = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? "(anonymous)"] : [],
  );
  if (operationName) return `Unknown operation named "${operationName}": the document has ${names.join(", ") || "no operations"}.`;
  if (names.length === 0) return "The document has no operation, only fragments.";
  return `The document has ${names.length} operations (${names.join(", ")}): send \`operationName\` to choose one.`;
}

/**
 * Refuses a request whose operation cannot be chosen (several without `operationName`, or an
 * unknown `operationName`) with a 400: otherwise the gateway's executor throws a 500 for it.
 */
export const operationResolutionPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (operation) return;
        throw new GraphQLError(unresolvedOperationMessage(document, request.operationName), {
          extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } },
        });
      },
    };
  },
};
