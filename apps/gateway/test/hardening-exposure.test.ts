import type { Store } from "@hkhealth/store";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, storeWithPlan, type TestGateway } from "./test-gateway.js";

// What the gateway shows, by default (a public read-only API) and switched off by environment.

let store: Store;
let subgraphs: Subgraph[];
let open: TestGateway;
let closed: TestGateway;
let debug: TestGateway;

beforeAll(async () => {
  ({ store, subgraphs } = await storeWithPlan());
  [open, closed, debug] = await Promise.all([
    startTestGateway({ store, subgraphs }),
    startTestGateway({
      store,
      subgraphs,
      variables: { INTROSPECTION: "false", SANDBOX: "false", CORS_ORIGINS: "https://health.example, https://admin.example" },
    }),
    startTestGateway({ store, subgraphs, variables: { DEBUG_ERRORS: "true" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([open?.close(), closed?.close(), debug?.close()]);
  await store?.close();
});

const preflight = (gateway: TestGateway, origin: string) =>
  gateway.raw({
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
  });

describe("by default", () => {
  it("answers introspection, the full query Sandbox and codegen send included, within the limits", async () => {
    const response = await open.post(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.__schema.queryType.name).toBe("Query");
  });

  it("serves Apollo Sandbox to a browser", async () => {
    const page = await open.raw({ headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.text).toContain("embeddable-sandbox");
  });

  it("lets any origin call it (CORS *) and read the request id and the rate limits' headers", async () => {
    const response = await preflight(open, "https://anywhere.example");
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const post = await open.post(`{ agency(code: HA) { code } }`, { headers: { origin: "https://anywhere.example" } });
    expect(post.headers.get("access-control-allow-origin")).toBe("*");
    expect(post.headers.get("access-control-expose-headers")).toBe("x-request-id,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset,RateLimit-Policy,Retry-After");
  });

  it("suggests field names (the schema is public anyway)", async () => {
    const response = await open.post(`{ agencie { code } }`);
    expect(response.body.errors?.[0]?.message).toMatch(/Did you mean "agencies"/);
  });

  it("keeps stack traces out of every error, a subgraph's included", async () => {
    const responses = await Promise.all([
      open.post(`{ datasets(first: 101) { totalCount } }`), // refused by the plan subgraph
      open.post(`{ dataset(id: "hb-dhc-main-centres") { records(filter: [{ field: "nope", eq: "1" }]) { totalCount } } }`),
      open.post(`{ nope }`),
    ]);
    for (const response of responses) {
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|exception|\bat [\w.<>]+ \(/);
    }
  });
});

describe("switched off (INTROSPECTION=false, SANDBOX=false, CORS_ORIGINS=…)", () => {
  it("refuses introspection", async () => {
    const response = await closed.post(`{ __schema { types { name } } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    // Ordinary queries still work, __typename included.
    expect((await closed.post(`{ agency(code: DH) { __typename code } }`)).body).toEqual({
      data: { agency: { __typename: "Agency", code: "DH" } },
    });
  });

  it("hides field suggestions, which would reveal the schema introspection hides", async () => {
    const response = await closed.post(`{ agencie { code } }`);
    expect(response.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(response.body.errors?.[0]?.message).toMatch(/Cannot query field "agencie"/);
  });

  it("serves no Sandbox page", async () => {
    const page = await closed.raw({ headers: { accept: "text/html" } });
    expect(page.text).not.toContain("embeddable-sandbox");
    expect(page.status).toBe(400);
  });

  it("answers CORS only for the origins listed", async () => {
    const allowed = await preflight(closed, "https://admin.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://admin.example");
    const other = await preflight(closed, "https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("DEBUG_ERRORS=true", () => {
  it("adds stack traces to errors, for debugging", async () => {
    const response = await debug.post(`{ datasets(first: 101) { totalCount } }`);
    expect(response.body.errors?.[0]?.extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/^GraphQLError/)]));
  });
});
