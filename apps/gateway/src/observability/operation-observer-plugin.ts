import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { currentObservation } from "./request-observation.js";

/**
 * Adds each operation's name and errors (as the client receives them, after formatError) to
 * the current request's observation, which logs and counts them when the response is sent.
 */
export const operationObserverPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ operationName, request, response }) {
        const body = response.body;
        const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
        currentObservation()?.operations.push({
          name: operationName ?? request.operationName ?? null,
          errors: (errors ?? []).map((error) => ({
            code: String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"),
            message: error.message,
          })),
        });
      },
    };
  },
};
