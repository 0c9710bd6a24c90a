import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

/**
 * How long a connection must have had no request in progress and no byte arriving before a
 * stopping server closes it. Longer than a client takes to send its next request on a
 * connection it was just answered on without `Connection: close`.
 */
export const IDLE_CLOSE_MS = 500;

/** How often a stopping server looks for idle connections and for the end of its requests. */
const CHECK_EVERY_MS = 25;

/** A request still running when the grace period ended, cut with its connection. */
export interface CutRequest {
  readonly method: string;
  readonly url: string;
  readonly runningMs: number;
}

export interface StopOutcome {
  /** Requests cut at the end of the grace period (none when every request finished in it). */
  readonly cut: readonly CutRequest[];
}

export interface GracefulStop {
  /** Whether stopping has begun (/ready then answers 503 on a connection still open). */
  readonly stopping: boolean;
  /**
   * Stops accepting: the listening socket closes (a new connection is refused), and from then
   * on every answer carries `Connection: close` (never before: see below). Resolves once the
   * listener is closed.
   */
  stopAccepting(): Promise<void>;
  /**
   * Stops accepting, then waits (at most `graceMs`) until every connection has closed: each
   * request accepted is answered, each request arriving on a kept-alive connection too (with
   * `Connection: close`), and a connection idle for IDLE_CLOSE_MS is closed. What still runs
   * at the end of `graceMs` is cut (its connection destroyed) and returned.
   */
  stop(graceMs: number): Promise<StopOutcome>;
}

interface ConnectionState {
  /** Requests read on it and not yet answered (more than one when a client pipelines). */
  readonly requests: Set<{ readonly response: ServerResponse; readonly method: string; readonly url: string; readonly startedAt: number }>;
  /** When a request last ended or a byte last arrived (as last seen: `bytesRead`). */
  idleSince: number;
  bytesRead: number;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves after the event loop's next poll, which reads whatever has arrived on the sockets. */
const afterPoll = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Tracks a server's connections and requests, for a stop that loses no request it accepted.
 * Node's own http.Server#close also closes every connection with no request in progress,
 * including one whose request has arrived but is not read yet (a busy process, PGlite running
 * a query, reads late); that request is lost (ECONNRESET). So the listener is closed on its
 * own, and a connection is closed only once it has been idle for a while, looked at right
 * after a poll, so that a request already sent on it has been read.
 */
export function gracefulStop(server: Server): GracefulStop {
  const connections = new Map<Socket, ConnectionState>();
  let stopping = false;
  let listenerClosed: Promise<void> | undefined;

  server.on("connection", (socket: Socket) => {
    connections.set(socket, { requests: new Set(), idleSince: Date.now(), bytesRead: 0 });
    socket.once("close", () => connections.delete(socket));
  });
  // Before the app's own listener, which may answer at once.
  server.prependListener("request", (request: IncomingMessage, response: ServerResponse) => {
    const connection = connections.get(request.socket);
    if (stopping) response.setHeader("connection", "close");
    if (!connection) return;
    // The URL as it came: routers rewrite request.url as they mount.
    const entry = { response, method: request.method ?? "", url: request.url ?? "", startedAt: Date.now() };
    connection.requests.add(entry);
    response.once("close", () => {
      connection.requests.delete(entry);
      connection.idleSince = Date.now();
    });
  });

  const closeIdleConnections = () => {
    const now = Date.now();
    for (const [socket, connection] of connections) {
      if (socket.bytesRead !== connection.bytesRead) {
        connection.bytesRead = socket.bytesRead;
        connection.idleSince = now;
      }
      if (connection.requests.size === 0 && now - connection.idleSince >= IDLE_CLOSE_MS) socket.destroy();
    }
  };

  const stopAccepting = () => {
    listenerClosed ??= (async () => {
      // After this poll: the connections the kernel has completed are taken, not reset.
      await afterPoll();
      // net.Server#close: the listener only (http.Server#close would close idle connections too).
      NetServer.prototype.close.call(server);
      // Only now may an answer say `Connection: close`: a client told so before the listener
      // closed could connect again at once, and the kernel resets a connection still queued on a
      // listener that closes (ECONNRESET, not ECONNREFUSED). An answer sent during the poll
      // above keeps its connection, which is then closed once idle, or answers with close.
      stopping = true;
      for (const connection of connections.values()) {
        for (const { response } of connection.requests) if (!response.headersSent) response.setHeader("connection", "close");
      }
    })();
    return listenerClosed;
  };

  return {
    get stopping() {
      return stopping;
    },
    stopAccepting,
    async stop(graceMs) {
      const deadline = Date.now() + graceMs;
      await stopAccepting();
      while (connections.size > 0 && Date.now() < deadline) {
        await delay(CHECK_EVERY_MS);
        await afterPoll();
        closeIdleConnections();
      }
      const now = Date.now();
      const cut = [...connections.values()].flatMap((connection) =>
        [...connection.requests].map(({ method, url, startedAt }) => ({ method, url, runningMs: now - startedAt })),
      );
      for (const socket of connections.keys()) socket.destroy();
      return { cut };
    },
  };
}
