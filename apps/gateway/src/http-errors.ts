import type { ErrorRequestHandler } from "express";
import { GraphQLError } from "graphql";
import { limitExceeded } from "./limit-error.js";
import type { Logger } from "./logger.js";
import { refuse } from "./refuse.js";

/**
 * Answers what fails before Apollo (a body that is not JSON, too large, in an unknown charset)
 * with a GraphQL error response instead of Express's HTML page, which would show a stack trace.
 */
export function httpErrorHandler(options: { maxBodyBytes: number; logger: Logger }): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const type = (error as { type?: unknown }).type;
    if (type === "entity.parse.failed") {
      refuse(request, response, 400, new GraphQLError("The request body is not valid JSON.", { extensions: { code: "BAD_REQUEST" } }));
    } else if (type === "entity.too.large") {
      const message = `Request body limit of ${options.maxBodyBytes} bytes exceeded.`;
      refuse(request, response, 413, limitExceeded("MAX_BODY_BYTES", options.maxBodyBytes, message));
    } else if (type === "encoding.unsupported" || type === "charset.unsupported") {
      const message = "The request body must be JSON in UTF-8.";
      refuse(request, response, 415, new GraphQLError(message, { extensions: { code: "BAD_REQUEST" } }));
    } else {
      options.logger.error({ err: error }, "unexpected error serving a request");
      refuse(request, response, 500, new GraphQLError("Internal server error", { extensions: { code: "INTERNAL_SERVER_ERROR" } }));
    }
  };
}
