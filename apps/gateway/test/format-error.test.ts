import { QueryCancelledError, RecordQueryError } from "@hkhealth/store";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { describe, expect, it } from "vitest";
import { createErrorFormatter } from "../src/errors/format-error.js";
import { capturedLogger } from "./test-gateway.js";

// How errors reach a client, in memory: each wrapped as the gateway sees it (a subgraph's
// GraphQL error around what the resolver threw, then the gateway's own around that).

/** What Prisma throws for a failed raw query: the server's paths and PostgreSQL's words in its message. */
function prismaError(code: string, message: string): Error {
  const error = new Error(`\nInvalid \`prisma.$queryRawUnsafe()\` invocation in\n/srv/app/packages/store/src/records/query.ts:67:20\n\nRaw query failed. Code: \`${code}\`. Message: \`${message}\``);
  return Object.assign(error, { name: "PrismaClientKnownRequestError", code: "P2010", meta: { code, message } });
}

/** `thrown` as the gateway formats it: inside a subgraph's located error, inside the gateway's downstream error. */
function throughGateway(thrown: Error, code = "DOWNSTREAM_SERVICE_ERROR"): [GraphQLFormattedError, unknown] {
  const located = new GraphQLError(thrown.message, { originalError: thrown, path: ["dataset", "records"] });
  const downstream = new GraphQLError(thrown.message, { originalError: located, path: ["dataset", "records"], extensions: { code, serviceName: "records" } });
  return [downstream.toJSON(), downstream];
}

describe("the error formatter", () => {
  it("answers an unexpected error from SQL with a generic INTERNAL_SERVER_ERROR and logs it in full", () => {
    const { logger, lines } = capturedLogger();
    const format = createErrorFormatter({ debug: false, logger });
    const formatted = format(...throughGateway(prismaError("22021", 'invalid byte sequence for encoding "UTF8": 0x00')));
    expect(formatted).toEqual({
      message: "Internal server error; it has been logged.",
      path: ["dataset", "records"],
      extensions: { code: "INTERNAL_SERVER_ERROR", serviceName: "records" },
    });
    const [line] = lines();
    expect(line).toMatchObject({ level: "error", msg: "unexpected error in a resolver", path: ["dataset", "records"] });
    expect(line!.err.message).toContain("invalid byte sequence");
    expect(line!.err.stack).toBeDefined();
  });

  it("answers a bug (a plain Error) the same way, and keeps the words of an error meant for the client", () => {
    const format = createErrorFormatter({ debug: false });
    expect(format(...throughGateway(new TypeError("Cannot read properties of undefined (reading 'id')"), "INTERNAL_SERVER_ERROR")).message).toBe(
      "Internal server error; it has been logged.",
    );
    const storeWords = format(...throughGateway(new RecordQueryError('Dataset "x" has no field "Sex"')));
    expect(storeWords).toMatchObject({ message: 'Dataset "x" has no field "Sex"', extensions: { code: "BAD_USER_INPUT" } });
    const chosen = new GraphQLError('"first" must be between 1 and 100, got 0', { extensions: { code: "BAD_USER_INPUT", argument: "first" } });
    expect(format(chosen.toJSON(), chosen)).toEqual(chosen.toJSON());
  });

  it("names STATEMENT_TIMEOUT_MS for a statement that ran past it, and says a closed request's queries were cancelled", () => {
    const format = createErrorFormatter({ debug: false, statementTimeoutMs: 5_000 });
    const timedOut = format(...throughGateway(prismaError("57014", "canceling statement due to statement timeout")));
    expect(timedOut.extensions?.code).toBe("QUERY_TIMEOUT");
    expect(timedOut.message).toBe("The query took longer than 5000 ms (STATEMENT_TIMEOUT_MS); narrow the filter or ask for fewer records.");
    for (const cancelled of [prismaError("57014", "canceling statement due to user request"), new QueryCancelledError()]) {
      expect(format(...throughGateway(cancelled)).extensions?.code).toBe("QUERY_CANCELLED");
    }
  });
});
