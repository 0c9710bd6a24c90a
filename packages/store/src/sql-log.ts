import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { currentRequestStatements } from "./request-statements.js";
import { noteStatement } from "./dataset-reads.js";
import { traceStatement } from "./sql-spans.js";

/** Receives every SQL statement the store sends, in order. */
export type SqlListener = (sql: string) => void;

/**
 * Every statement the store runs passes through here, so tests can count them (an N+1 shows
 * up as a count that grows with the data) and operators can trace them.
 */
export class SqlLog {
  readonly #listeners = new Set<SqlListener>();

  emit(sql: string): void {
    for (const listener of this.#listeners) listener(sql);
  }

  subscribe(listener: SqlListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs `work` and returns the statements sent while it ran, with its result. */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    const unsubscribe = this.subscribe((sql) => statements.push(sql));
    try {
      return { result: await work(), statements };
    } finally {
      unsubscribe();
    }
  }
}

/** Counts the statement as in flight for the request sending it, if any (its batches wait for it). */
function inRequest<T>(statement: () => Promise<T>): Promise<T> {
  const request = currentRequestStatements();
  return request ? request.track(statement) : statement();
}

const transactionControl = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b/i;

function logged<T extends object>(target: T, log: SqlLog): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw") {
        return (query: SqlQuery) => {
          if (transactionControl.test(query.sql)) return value.call(object, query);
          log.emit(query.sql);
          noteStatement(query.sql, query.args);
          return inRequest(() => traceStatement(query.sql, () => value.call(object, query)));
        };
      }
      if (property === "executeScript") {
        return (script: string) => {
          log.emit(script);
          return inRequest(() => traceStatement(script, () => value.call(object, script)));
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => logged((await value.apply(object, args)) as Transaction, log);
      }
      return value.bind(object);
    },
  });
}

/** Wraps a driver adapter factory so that every connection it makes reports to `log`. */
export function loggedAdapterFactory(
  factory: SqlMigrationAwareDriverAdapterFactory,
  log: SqlLog,
): SqlDriverAdapterFactory {
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async (): Promise<SqlDriverAdapter> => logged(await factory.connect(), log),
  };
}
