import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { buildSchema, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InProcessSubgraph } from "../src/subgraphs/in-process-subgraph.js";
import { SharedFetches, type SubgraphResponse } from "../src/subgraphs/shared-fetches.js";
import { currentQuerySignal, withQuerySignal } from "@hkhealth/store";
import { createContext } from "@hkhealth/subgraph-kit";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";
import { startHarness, type Harness } from "./harness.js";
import { startTestGateway } from "./test-gateway.js";

// The enum of kinds is not exported by @apollo/gateway; its values are these strings.
const HEALTH_CHECK = "health check" as Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext?: never }>["kind"];
const INCOMING_OPERATION = "incoming operation" as Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>["kind"];

function fetchOf(query: string, variables?: Record<string, unknown>): GraphQLDataSourceProcessOptions {
  return { kind: HEALTH_CHECK, request: { query, ...(variables && { variables }) }, context: {} };
}

/** A data source whose answers the test releases by hand, counting what it was sent. */
function heldSource() {
  const sent: GraphQLDataSourceProcessOptions[] = [];
  const pending: Array<{ resolve: (response: SubgraphResponse) => void; reject: (error: Error) => void }> = [];
  const source: GraphQLDataSource = {
    process: (options) => {
      sent.push(options);
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
  };
  return { source, sent, pending };
}

describe("SharedFetches", () => {
  it("gives up a shared fetch (cancelling its SQL) only once every request waiting for it has been closed", async () => {
    const { pending } = heldSource();
    const signals: Array<AbortSignal | undefined> = [];
    const fetches = new SharedFetches({
      process: () => {
        signals.push(currentQuerySignal());
        return new Promise((resolve) => pending.push({ resolve, reject: () => {} }));
      },
    });
    const clients = [new AbortController(), new AbortController()];
    const answers = clients.map((client) => withQuerySignal(client.signal, () => fetches.process(fetchOf("{ a }"))));
    expect(signals).toHaveLength(1);
    const shared = signals[0]!;
    clients[0]!.abort();
    expect(shared.aborted).toBe(false); // the second request still waits for the answer
    clients[1]!.abort();
    expect(shared.aborted).toBe(true);
    pending[0]!.resolve({ data: { a: 1 } });
    await Promise.all(answers);
  });

  it("sends identical fetches in flight once and gives each caller its own copy", async () => {
    const { source, sent, pending } = heldSource();
    let shared = 0;
    const fetches = new SharedFetches(source, () => shared++);
    const answers = Promise.all([1, 2, 3].map(() => fetches.process(fetchOf("{ a { b } }", { id: 1 }))));
    expect(sent).toHaveLength(1);
    expect(shared).toBe(2);
    pending[0]!.resolve({ data: { a: { b: [1, 2] } } });
    const [first, second, third] = await answers;
    (first!.data!.a as { b: number[] }).b.push(3);
    expect(second!.data).toEqual({ a: { b: [1, 2] } });
    expect(third!.data).toEqual({ a: { b: [1, 2] } });

    // Once answered, the same fetch goes out again.
    const again = fetches.process(fetchOf("{ a { b } }", { id: 1 }));
    expect(sent).toHaveLength(2);
    pending[1]!.resolve({ data: { a: null } });
    expect((await again).data).toEqual({ a: null });
  });

  it("keeps fetches with other variables, operation or document apart", async () => {
    const { source, sent, pending } = heldSource();
    const fetches = new SharedFetches(source);
    const answers = Promise.all([
      fetches.process(fetchOf("{ a }", { id: 1 })),
      fetches.process(fetchOf("{ a }", { id: 2 })),
      fetches.process(fetchOf("{ b }", { id: 1 })),
      fetches.process({ ...fetchOf("query Q { a }"), request: { query: "query Q { a }", operationName: "Q" } }),
    ]);
    expect(sent).toHaveLength(4);
    pending.forEach((held, index) => held.resolve({ data: { a: index } }));
    expect((await answers).map((answer) => answer.data)).toEqual([{ a: 0 }, { a: 1 }, { a: 2 }, { a: 3 }]);
  });

  it("gives a failure, or the errors of an answer, to every caller that shared it", async () => {
    const { source, pending } = heldSource();
    const fetches = new SharedFetches(source);
    const failed = Promise.allSettled([fetches.process(fetchOf("{ a }")), fetches.process(fetchOf("{ a }"))]);
    pending[0]!.reject(new Error("subgraph down"));
    expect((await failed).map((result) => result.status === "rejected" && (result.reason as Error).message)).toEqual([
      "subgraph down",
      "subgraph down",
    ]);

    const withErrors = Promise.all([fetches.process(fetchOf("{ a }")), fetches.process(fetchOf("{ a }"))]);
    pending[1]!.resolve({ data: { a: null }, errors: [{ message: "no a", path: ["a"] }] });
    for (const answer of await withErrors) expect(answer).toEqual({ data: { a: null }, errors: [{ message: "no a", path: ["a"] }] });
  });
});

describe("InProcessSubgraph", () => {
  const schema = buildSchema("type Query { greeting(name: String!): String }");
  schema.getQueryType()!.getFields().greeting!.resolve = (_root, { name }, context: { salutation: string }) => `${context.salutation} ${name}`;
  const subgraph = new InProcessSubgraph(schema);

  it("executes a fetch with the request's variables and context, by text or by the planner's document", async () => {
    const query = "query Q($name: String!) { greeting(name: $name) }";
    const byText = await subgraph.process({ ...fetchOf(query, { name: "HA" }), context: { salutation: "hello" } });
    // What the fetch read is reported as a remote subgraph reports it (none here: no SQL).
    expect(byText).toEqual({ data: { greeting: "hello HA" }, extensions: { datasetsRead: [] } });
    const byDocument = await subgraph.process({
      kind: INCOMING_OPERATION,
      request: { query: "ignored when the document is given", variables: { name: "DH" } },
      document: parse(query),
      context: { salutation: "good morning" },
      incomingRequestContext: {} as never,
    });
    expect(byDocument).toEqual({ data: { greeting: "good morning DH" }, extensions: { datasetsRead: [] } });
  });

  it("answers a document that does not parse or validate with its errors, every time", async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await subgraph.process(fetchOf("{ greeting("))).errors?.[0]?.message).toMatch(/Syntax Error/);
      expect((await subgraph.process(fetchOf("{ farewell }"))).errors?.[0]?.message).toBe('Cannot query field "farewell" on type "Query".');
    }
  });
});

describe("identical requests at once, through the gateway", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  // Crosses plan -> records and plan -> agencies, so later fetches merge into what earlier ones returned.
  const query = `{
    datasets(first: 8) { edges { node { id title agency { code profile { __typename } } view { __typename } fields { name } releases { status } } } }
  }`;

  it("gives every request the same, whole answer (and each its own copy to merge into)", async () => {
    const alone = await harness.query(query);
    expect(alone.errors).toBeUndefined();
    expect(alone.data.datasets.edges).toHaveLength(8);
    const together = await Promise.all(Array.from({ length: 12 }, () => harness.query(query)));
    for (const answer of together) expect(answer).toEqual(alone);
  });

  it("runs identical fetches to a real subgraph in flight once: the SQL of one", async () => {
    const plan = (await buildAllSubgraphs()).find((subgraph) => subgraph.name === "plan")!;
    const shared = new SharedFetches(new InProcessSubgraph(plan.schema));
    const catalogue = fetchOf("{ datasets(first: 5) { edges { node { id agency { code } releases { status } } } } }");
    const once = await harness.store.sqlLog.record(() => shared.process({ ...catalogue, context: createContext(harness.store) }));
    expect(once.result.errors).toBeUndefined();
    const together = await harness.store.sqlLog.record(() =>
      Promise.all(Array.from({ length: 10 }, () => shared.process({ ...catalogue, context: createContext(harness.store) }))),
    );
    expect(together.statements).toEqual(once.statements);
    for (const answer of together.result) expect(answer).toEqual(once.result);
  });

  it("shares nothing when SHARE_SUBGRAPH_FETCHES is false, with the same answers", async () => {
    const unshared = await startTestGateway({
      store: harness.store,
      subgraphs: await buildAllSubgraphs(),
      variables: { SHARE_SUBGRAPH_FETCHES: "false" },
    });
    try {
      const alone = await unshared.post(query);
      const together = await Promise.all(Array.from({ length: 6 }, () => unshared.post(query)));
      for (const answer of together) expect(answer.body).toEqual(alone.body);
      const metrics = await fetch(`${unshared.origin}/metrics`).then((response) => response.text());
      expect(metrics).not.toMatch(/^graphql_subgraph_fetches_shared_total\{/m);
    } finally {
      await unshared.close();
    }
  });
});
