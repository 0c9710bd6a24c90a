import type { ErrorRequestHandler, Request } from "express";
import { GraphQLError } from "graphql";
import { limitExceeded } from "../limits/limit-error.js";
import type { Logger } from "../observability/logger.js";
import { refuse } from "./refuse.js";

interface BodyError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly code?: unknown;
}

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_REQUEST" } });

/** A client's fault in the body as body-parser reports it: its status and a message that names it, or undefined for our own fault. */
function bodyRefusal(error: BodyError, request: Request, maxBodyBytes: number): { status: number; error: GraphQLError } | undefined {
  const encoding = request.headers["content-encoding"];
  switch (error.type) {
    case "entity.parse.failed":
      return { status: 400, error: badRequest("The request body is not valid JSON.") };
    case "entity.too.large":
      return { status: 413, error: limitExceeded("MAX_BODY_BYTES", maxBodyBytes, `Request body limit of ${maxBodyBytes} bytes exceeded.`) };
    case "encoding.unsupported":
      return { status: 415, error: badRequest(`Content-Encoding ${String(encoding)} is not supported: send the body as is, or in gzip, deflate or br.`) };
    case "charset.unsupported":
      return { status: 415, error: badRequest("The request body must be JSON in UTF-8.") };
    case "request.aborted":
    case "request.size.invalid":
      return { status: 400, error: badRequest("The request body is shorter or longer than its Content-Length.") };
  }
  // A body that does not decompress (zlib's Z_* or brotli's codes): body-parser gives it 400 and no type.
  if (typeof error.code === "string" && /^(Z_|ERR_BROTLI|ERR__ERROR_FORMAT)/.test(error.code)) {
    return { status: 400, error: badRequest(`The request body is not valid ${String(encoding)} data (Content-Encoding: ${String(encoding)}).`) };
  }
  if (typeof error.status === "number" && error.status >= 400 && error.status < 500) {
    return { status: error.status, error: badRequest("The request body could not be read.") };
  }
  return undefined;
}

/**
 * Answers what fails before Apollo (a body that is not JSON, too large, in an unknown charset,
 * not the compression it claims) with a GraphQL error response instead of Express's HTML page,
 * which would show a stack trace; a client's fault is a 4xx, only our own a 500.
 */
export function httpErrorHandler(options: { maxBodyBytes: number; logger: Logger }): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const refusal = error && typeof error === "object" ? bodyRefusal(error as BodyError, request, options.maxBodyBytes) : undefined;
    if (refusal) {
      refuse(request, response, refusal.status, refusal.error);
    } else {
      options.logger.error({ err: error }, "unexpected error serving a request");
      refuse(request, response, 500, new GraphQLError("Internal server error", { extensions: { code: "INTERNAL_SERVER_ERROR" } }));
    }
  };
}
