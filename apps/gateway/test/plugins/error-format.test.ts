import { describe, expect, it } from "vitest";
import { createErrorFormatter } from "../../src/errors/format-error.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { observeRequests } from "../../src/observability/observe-requests.js";
import { bindObservation } from "../../src/observability/request-observation.js";
import { capturedLogger } from "../test-gateway.js";
import { graphsStoppedAfterAll, limitProtections, refusal } from "./in-memory-graph.js";

// The gateway's formatError on an inline schema in memory: a resolver that throws what a lost
// database connection throws (`failing`). Each case beside its control: Apollo's own answer
// without the formatter, which hands the error's words (a host, a user) to the client.

const graphWith = graphsStoppedAfterAll();

const failing = { query: "query Failing { failing }" };
const secret = /10\.0\.0\.7|planner|s3cret|ECONNREFUSED/;

describe("error formatting, in memory", () => {
  it("control: without the formatter, the resolver's error reaches the client as it was thrown", async () => {
    const raw = await (await graphWith({})).post(failing);
    expect(raw.body.errors?.[0]?.message).toMatch(secret);
  });

  it("tells the client only that there was an error and its request id; the log has the rest", async () => {
    const { logger, lines } = capturedLogger();
    const graph = await graphWith({
      logger,
      first: [observeRequests(logger, createMetrics())],
      before: [bindObservation],
      apollo: { formatError: createErrorFormatter({ debug: false, logger }) },
    });
    const answer = await graph.post(failing, { "x-request-id": "fault-7" });
    expect(answer.body.errors).toEqual([
      { message: "Internal server error (request fault-7); it has been logged.", locations: [{ line: 1, column: 17 }], path: ["failing"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(secret);
    const logged = lines().find((line) => line.msg === "unexpected error in a resolver");
    expect(logged).toMatchObject({ level: "error", requestId: "fault-7", path: ["failing"], err: { message: expect.stringMatching(secret) } });
  });

  it("names the database a lost connection was to, by host, port and name only", async () => {
    const formatError = createErrorFormatter({ debug: false, databaseTarget: "postgres://10.0.0.7:5432/catalogue" });
    const answer = await (await graphWith({ apollo: { formatError } })).post(failing);
    expect(answer.body.errors?.[0]).toMatchObject({
      message: "The database (postgres://10.0.0.7:5432/catalogue) is unavailable; try again shortly.",
      extensions: { code: "DATABASE_UNAVAILABLE" },
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/planner|s3cret/);
  });

  it("keeps stack traces only when debugging (DEBUG_ERRORS)", async () => {
    const stacktraceOf = async (debug: boolean) => {
      const graph = await graphWith({ apollo: { includeStacktraceInErrorResponses: true, formatError: createErrorFormatter({ debug }) } });
      return (await graph.post(failing)).body.errors?.[0]?.extensions?.stacktrace;
    };
    expect(await stacktraceOf(false)).toBeUndefined();
    expect(await stacktraceOf(true)).toEqual(expect.arrayContaining([expect.stringMatching(secret)]));
  });

  it("gives a limit refused at validation the limit's code rather than Apollo's GRAPHQL_VALIDATION_FAILED", async () => {
    const { validationRules } = limitProtections({ MAX_DEPTH: 1 });
    const deep = { query: "{ agencies { code } }" };
    const formatted = await (await graphWith({ apollo: { validationRules, formatError: createErrorFormatter({ debug: false }) } })).post(deep);
    expect(refusal(formatted)).toEqual({ status: 400, code: "QUERY_LIMIT_EXCEEDED", limit: "MAX_DEPTH" });
    const unformatted = await (await graphWith({ apollo: { validationRules } })).post(deep);
    expect(refusal(unformatted)).toEqual({ status: 400, code: "GRAPHQL_VALIDATION_FAILED", limit: "MAX_DEPTH" });
  });
});
