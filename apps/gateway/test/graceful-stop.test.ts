import { createServer, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { gracefulStop } from "@hkhealth/subgraph-kit";
import { afterEach, describe, expect, it } from "vitest";

// The stop every server here uses (gateway and subgraph services), on a plain HTTP server and
// raw sockets, so that what arrives when is the test's to choose.

let server: Server;
afterEach(() => {
  server?.closeAllConnections();
});

/** A server answering "ok" at once, except on /hang, which it never answers. */
async function startServer() {
  server = createServer((request, response) => {
    if (request.url !== "/hang") response.end("ok");
  });
  const graceful = gracefulStop(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { graceful, port: (server.address() as AddressInfo).port };
}

/** A raw client connection that collects what it receives and how it ended. */
async function openConnection(port: number) {
  const socket: Socket = connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString("utf8")));
  const ended = new Promise<string>((resolve) => {
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    socket.once("close", () => resolve("closed"));
  });
  const send = (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`);
  const answers = () => received.split("HTTP/1.1 ").slice(1);
  const waitForAnswers = async (count: number) => {
    while (answers().length < count || !received.endsWith("ok")) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { socket, send, answers, waitForAnswers, ended };
}

function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe("gracefulStop", () => {
  it("answers a request sent on a kept-alive connection before the process read it, then closes the connection", async () => {
    const { graceful, port } = await startServer();
    const client = await openConnection(port);
    client.send("/first");
    await client.waitForAnswers(1);
    expect(client.answers()[0]).toMatch(/connection: keep-alive/i);

    // Sent, but not read by the server yet: this tick has not reached the event loop's poll.
    client.send("/second");
    const stopped = graceful.stop(60_000);
    await graceful.stopAccepting();
    expect(await tryConnect(port)).toBe("ECONNREFUSED");

    expect(await stopped).toEqual({ cut: [] });
    expect(await client.ended).toBe("closed");
    expect(client.answers()).toHaveLength(2);
    // Read in the poll before the listener closed: answered as any other, the connection then closed once idle.
    expect(client.answers()[1]).toMatch(/^200 OK\r\n[\s\S]*\r\n\r\nok$/i);
  });

  it("says Connection: close in no answer while the listener still takes connections (a client told so would reconnect and be reset)", async () => {
    const { graceful, port } = await startServer();
    // Each answer's Connection header beside whether the listener was open as it was written.
    const written: Array<{ connection: unknown; listening: boolean }> = [];
    server.prependListener("request", (_request, response) => {
      const writeHead = response.writeHead.bind(response);
      response.writeHead = ((...args: Parameters<typeof writeHead>) => {
        written.push({ connection: response.getHeader("connection"), listening: server.listening });
        return writeHead(...args);
      }) as typeof response.writeHead;
      // The stop begins as this request is answered, in the same tick (a response written
      // from a promise callback while a signal is handled).
      if (written.length === 0) void graceful.stopAccepting();
    });
    const client = await openConnection(port);
    client.send("/first");
    await client.waitForAnswers(1);
    await graceful.stopAccepting();
    client.send("/second");
    expect(await graceful.stop(60_000)).toEqual({ cut: [] });
    expect(written).toEqual([
      { connection: undefined, listening: true },
      { connection: "close", listening: false },
    ]);
  });

  it("closes a kept-alive connection that stays idle, and then stops", async () => {
    const { graceful, port } = await startServer();
    const client = await openConnection(port);
    client.send("/first");
    await client.waitForAnswers(1);
    expect(await graceful.stop(60_000)).toEqual({ cut: [] });
    expect(await client.ended).toBe("closed");
  });

  it("cuts, and returns, the requests still running at the end of the grace period", async () => {
    const { graceful, port } = await startServer();
    const client = await openConnection(port);
    client.send("/hang");
    await new Promise((resolve) => server.once("request", resolve));
    const { cut } = await graceful.stop(200);
    expect(cut).toEqual([{ method: "GET", url: "/hang", runningMs: expect.any(Number) }]);
    expect(await client.ended).toMatch(/^(closed|ECONNRESET)$/);
    expect(client.answers()).toEqual([]);
  });
});
