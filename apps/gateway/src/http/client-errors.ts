import { STATUS_CODES, type Server } from "node:http";
import type { Socket } from "node:net";
import type { Logger } from "../observability/logger.js";

/** The answer to a request Node's HTTP parser refused before any handler saw it. */
export function clientErrorAnswer(code: string | undefined, requestTimeoutMs: number): { status: number; message: string } {
  switch (code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, message: `The request did not arrive whole within ${requestTimeoutMs} ms (REQUEST_TIMEOUT_MS): is its Content-Length larger than its body?` };
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, message: "The request's headers are too large." };
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return { status: 413, message: "The request's chunk extensions are too large." };
    default:
      return { status: 400, message: "The request is not valid HTTP/1.1." };
  }
}

/**
 * Answers what Node's HTTP parser refuses (a body that does not arrive within the request
 * timeout, headers too large, malformed HTTP) with a one-line GraphQL error in JSON, as every
 * other refusal, instead of Node's bare status line; then closes the connection.
 */
export function answerClientErrors(server: Server, options: { requestTimeoutMs: number; logger: Logger }): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    // Answer only if no response of this connection has begun: writing then would corrupt it.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, message } = clientErrorAnswer(error.code, options.requestTimeoutMs);
    options.logger.info({ status, code: error.code }, "refused a malformed or incomplete HTTP request");
    const body = JSON.stringify({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      "Content-Type: application/json; charset=utf-8",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
    ];
    socket.end(`${head.join("\r\n")}\r\n\r\n${body}`, () => socket.destroy());
  });
}
