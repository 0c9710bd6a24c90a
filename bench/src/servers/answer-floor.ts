// Configuration 6, the physical limit of a cached answer: a plain node:http server that sends, for
// each operation, the bytes of our gateway's answer (read from BENCH_ANSWERS at start). No
// GraphQL, no lookup beyond one Map: what any cache in front of the graph could at best do here.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { listenPort, stopOnSignal } from "./environment.js";

const answers = new Map(
  Object.entries(JSON.parse(readFileSync(process.env.BENCH_ANSWERS ?? "", "utf8")) as Record<string, unknown>).map(([name, data]) => [
    name,
    Buffer.from(`${JSON.stringify({ data })}\n`),
  ]),
);

const server = createServer((request, response) => {
  const name = (request.url ?? "/").slice(1);
  if (request.method === "GET" && name === "ready") {
    response.writeHead(200).end("ready");
    return;
  }
  const body = answers.get(name);
  if (request.method !== "POST" || !body) {
    response.writeHead(404).end();
    return;
  }
  request.resume(); // the GraphQL request the other configurations get: not needed here
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.byteLength }).end(body);
  });
});
server.listen(listenPort(), "127.0.0.1");
stopOnSignal(async () => {
  server.close();
});
