import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

let harness: Harness;
let origin: string;
beforeAll(async () => {
  harness = await startHarness();
  origin = new URL(harness.gateway.url).origin;
});
afterAll(async () => {
  await harness?.close();
});

describe("HTTP endpoints", () => {
  it("serves Apollo Sandbox to a browser at GET /graphql", async () => {
    const response = await fetch(harness.gateway.url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("embeddable-sandbox");
  });

  it("/health says the process is up and /ready that the database answers", async () => {
    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: harness.store.kind });
  });

  it("describes every type and field of the supergraph (what Sandbox shows)", async () => {
    const response = await harness.query(`{ __schema { types { name kind description fields { name description } } } }`);
    const ours = response.data.__schema.types.filter(
      (type: { name: string; kind: string }) => !type.name.startsWith("__") && !["String", "Boolean", "Int", "Float", "ID"].includes(type.name),
    );
    const undescribed = ours.flatMap((type: { name: string; description: string | null; fields: Array<{ name: string; description: string | null }> | null }) => [
      ...(type.description ? [] : [type.name]),
      ...(type.fields ?? []).filter((field) => !field.description).map((field) => `${type.name}.${field.name}`),
    ]);
    expect(undescribed).toEqual([]);
  });

  it("refuses a mutation-shaped GET and a cross-site form post (CSRF prevention)", async () => {
    const post = await fetch(harness.gateway.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ agencies { code } }" }),
    });
    expect(post.status).toBe(400);
  });
});
