import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";

/** What the stand-in answers for a path, instead of the file under its root. */
export type MirrorBehaviour =
  | { readonly kind: "status"; readonly status: number }
  | { readonly kind: "hang" }
  | { readonly kind: "bytes"; readonly body: string | Buffer };

export interface MirrorServer {
  /** The base to give as SOURCES_MIRROR. */
  readonly url: string;
  /** Paths asked for (such as "/www.ha.org.hk/opendata/facility-hosp.json"), in order, 304s included. */
  readonly requests: readonly string[];
  /** Requests for one path so far. */
  requestsFor(path: string): number;
  /** Answers `path` so from now on (a status, no answer at all, other bytes); `undefined`: the file again. */
  behave(path: string, behaviour: MirrorBehaviour | undefined): void;
  close(): Promise<void>;
}

/**
 * A stand-in for the agencies' hosts on 127.0.0.1: serves the folder `root`, laid out as
 * SOURCES_MIRROR maps URLs (<host>/<path>), with an ETag and a Last-Modified on each file and
 * 304 Not Modified to a conditional GET that still matches. Told to, it answers a path with a
 * status, never answers it, or serves other bytes.
 */
export async function startMirrorServer(root: string): Promise<MirrorServer> {
  const requests: string[] = [];
  const behaviours = new Map<string, MirrorBehaviour>();
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://mirror").pathname);
    requests.push(path);
    const behaviour = behaviours.get(path);
    if (behaviour?.kind === "hang") return; // the socket stays open until the client gives up
    if (behaviour?.kind === "status") {
      response.writeHead(behaviour.status, { "content-type": "text/plain" }).end(`stand-in answers ${behaviour.status}`);
      return;
    }
    const body = behaviour?.kind === "bytes" ? Buffer.from(behaviour.body) : await readFile(join(root, normalize(path))).catch(() => undefined);
    if (body === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not in the mirror");
      return;
    }
    const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { etag, "last-modified": new Date(0).toUTCString(), "content-type": "application/octet-stream" }).end(body);
  };
  const server = createServer((request, response) => {
    answer(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsFor: (path) => requests.filter((requested) => requested === path).length,
    behave: (path, behaviour) => (behaviour ? behaviours.set(path, behaviour) : behaviours.delete(path)),
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
