import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

// The signal of the request whose SQL is being sent: set around each GraphQL request by the
// gateway and the subgraph services, read where the pool hands out connections.
const requestSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `work` so that the statements it sends through a store on PostgreSQL are cancelled on
 * the server when `signal` aborts (the client closed its request), not left running to the end.
 */
export function withQuerySignal<T>(signal: AbortSignal, work: () => T): T {
  return requestSignal.run(signal, work);
}

/** The signal `withQuerySignal` set for the code running now, if any. */
export function currentQuerySignal(): AbortSignal | undefined {
  return requestSignal.getStore();
}

function ignoreConnectionLoss(): void {}

/** A statement not sent because its request had already been given up. */
export class QueryCancelledError extends Error {
  constructor() {
    super("The request was closed before its answer; its queries were cancelled");
    this.name = "QueryCancelledError";
  }
}

/**
 * Bounds the statements of GraphQL requests (those sent under `withQuerySignal`) on `pool`,
 * through `pool.query`, which Prisma's pg adapter sends every statement through: each runs with
 * statement_timeout set on its connection (set, or reset for a statement outside a request, only
 * when the connection's setting is not already the one needed), and an abort of the request asks
 * the server to cancel that backend's statement (pg_cancel_backend, from a connection outside
 * the pool, which may be full). That connection is then closed rather than reused, so a late
 * cancel can hit nothing else. Statements outside a request (migrations, loading the plan at
 * start, an ingest) keep no bound.
 */
export function boundRequestStatements(pool: pg.Pool, statementTimeoutMs: number | undefined): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  // The statement_timeout each connection has been given; absent: the server's default.
  const timeouts = new WeakMap<pg.PoolClient, number>();
  const applyTimeout = async (client: pg.PoolClient, wanted: number | undefined) => {
    if (timeouts.get(client) === wanted) return;
    if (wanted) {
      await client.query(`SET statement_timeout = ${Math.trunc(wanted)}`);
      timeouts.set(client, wanted);
    } else {
      await client.query("RESET statement_timeout");
      timeouts.delete(client);
    }
  };
  const cancel = async (pid: number) => {
    const client = new pg.Client(pool.options);
    client.on("error", ignoreConnectionLoss);
    try {
      await client.connect();
      await client.query("SELECT pg_cancel_backend($1)", [pid]);
    } catch {
      // The statement ends anyway, at its statement timeout at the latest.
    } finally {
      await client.end().catch(() => {});
    }
  };
  const boundedQuery = async (...args: unknown[]) => {
    if (typeof args.at(-1) === "function") return query(...args); // the callback form: not Prisma's
    const signal = requestSignal.getStore();
    if (signal?.aborted) throw new QueryCancelledError();
    const client = await pool.connect();
    // A checked-out client has no listener of the pool's: a lost connection would be an uncaught
    // 'error' event. The statement's own promise rejects with it, which is what the caller sees.
    client.on("error", ignoreConnectionLoss);
    let cancelling: Promise<void> | undefined;
    const onAbort = () => {
      cancelling = cancel((client as unknown as { processID: number }).processID);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await applyTimeout(client, signal ? statementTimeoutMs : undefined);
      return await (client.query as (...queryArgs: unknown[]) => Promise<unknown>)(...args);
    } finally {
      signal?.removeEventListener("abort", onAbort);
      client.removeListener("error", ignoreConnectionLoss);
      if (cancelling) await cancelling;
      client.release(cancelling !== undefined);
    }
  };
  pool.query = boundedQuery as unknown as typeof pool.query;
}
