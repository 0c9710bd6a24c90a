import { createServer, type Server } from "node:http";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { afterEach, describe, expect, it } from "vitest";
import { RemoteSubgraph } from "../src/subgraphs/remote-subgraph.js";

const fetchOf = (query: string) => ({ kind: "health check", request: { query }, context: {} }) as unknown as GraphQLDataSourceProcessOptions;

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A subgraph service that answers every POST with this status and body. */
async function answering(status: number, body: string): Promise<string> {
  server = createServer((request, response) => {
    request.resume().on("end", () => response.writeHead(status, { "content-type": "application/json" }).end(body));
  });
  await new Promise<void>((listening) => server!.listen(0, "127.0.0.1", listening));
  const address = server.address() as { port: number };
  return `http://127.0.0.1:${address.port}/graphql`;
}

describe("RemoteSubgraph", () => {
  it("answers with the subgraph's JSON response", async () => {
    const subgraph = new RemoteSubgraph("plan", await answering(200, '{"data":{"a":1}}'), 1_000);
    await expect(subgraph.process(fetchOf("{ a }"))).resolves.toEqual({ data: { a: 1 } });
    await subgraph.close();
  });

  it("names the subgraph and the HTTP status of an answer that is not 2xx", async () => {
    const subgraph = new RemoteSubgraph("records", await answering(503, '{"errors":[{"message":"busy"}]}'), 1_000);
    await expect(subgraph.process(fetchOf("{ a }"))).rejects.toMatchObject({
      message: 'Subgraph "records" is unavailable (HTTP 503).',
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "records" },
    });
    await subgraph.close();
  });
});
