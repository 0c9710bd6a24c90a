import { AsyncLocalStorage } from "node:async_hooks";

/** What a request's DataLoaders are made with: how (and whether) they batch. */
export interface BatchOptions {
  readonly batch?: boolean;
  readonly cache?: boolean;
  readonly batchScheduleFn?: (dispatch: () => void) => void;
}

/**
 * The SQL statements one request has in flight, and the DataLoader batches waiting for them.
 * A request's batches are dispatched together, once none of its statements is running: keys
 * reached by several paths at different I/O moments (two subgraph fetches, two root fields) then
 * join one batch, so the number of statements of a query follows from its shape alone, never
 * from which answer came back first. A batch waits at most for the statements already running.
 */
export class RequestStatements {
  #inFlight = 0;
  #waiting: Array<() => void> = [];
  #dispatchPlanned = false;

  /** Runs `statement`, counted as in flight until it settles. */
  async track<T>(statement: () => Promise<T>): Promise<T> {
    this.#inFlight += 1;
    try {
      return await statement();
    } finally {
      this.#inFlight -= 1;
      this.#dispatchWhenIdle();
    }
  }

  /** A DataLoader `batchScheduleFn`: `dispatch` runs once the request has no statement in flight. */
  readonly schedule = (dispatch: () => void): void => {
    this.#waiting.push(dispatch);
    this.#dispatchWhenIdle();
  };

  /** Options for the request's loaders: batched on this request's schedule. */
  get batchOptions(): BatchOptions {
    return { batchScheduleFn: this.schedule };
  }

  #dispatchWhenIdle(): void {
    if (this.#dispatchPlanned || this.#waiting.length === 0 || this.#inFlight > 0) return;
    this.#dispatchPlanned = true;
    // setImmediate: after every promise callback the last answer set off, so that the keys it
    // leads to (the next resolvers', the next subgraph fetch's) are in this dispatch too.
    setImmediate(() => {
      this.#dispatchPlanned = false;
      // A statement sent meanwhile dispatches the waiting batches when it ends.
      if (this.#inFlight > 0) return;
      for (const dispatch of this.#waiting.splice(0)) dispatch();
    });
  }
}

const currentRequest = new AsyncLocalStorage<RequestStatements>();

/** Runs `work` as one request: the statements it sends are counted in its own RequestStatements. */
export function withRequestStatements<T>(work: () => T): T {
  return currentRequest.run(new RequestStatements(), work);
}

/** The request `withRequestStatements` set for the code running now, if any. */
export function currentRequestStatements(): RequestStatements | undefined {
  return currentRequest.getStore();
}
