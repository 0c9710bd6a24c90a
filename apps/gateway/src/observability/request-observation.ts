import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestHandler, Response } from "express";

export interface ObservedError {
  readonly code: string;
  readonly message: string;
}

export interface ObservedOperation {
  /** The operation's name, or null for an anonymous one or one that never parsed. */
  readonly name: string | null;
  readonly errors: readonly ObservedError[];
}

/** What one HTTP request did, gathered while it runs and logged and counted when it ends. */
export interface RequestObservation {
  readonly requestId: string;
  readonly startedAt: bigint;
  /** Each GraphQL operation it ran (several in a batch). */
  readonly operations: ObservedOperation[];
  /** Why it was refused before any operation ran, if it was. */
  refusal?: ObservedError;
}

const storage = new AsyncLocalStorage<RequestObservation>();

export function observationOf(response: Response): RequestObservation | undefined {
  return response.locals.observation as RequestObservation | undefined;
}

/** The observation of the request being handled, for Apollo plugins (which do not see the response). */
export function currentObservation(): RequestObservation | undefined {
  return storage.getStore();
}

/**
 * Makes the request's observation current for what follows. Mounted after body parsing:
 * stream callbacks there would run outside it.
 */
export const bindObservation: RequestHandler = (_request, response, next) => {
  const observation = observationOf(response);
  if (observation) storage.run(observation, next);
  else next();
};
