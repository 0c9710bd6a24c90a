import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A file the server publishes, with the validators it sends. */
export interface PublishedFile {
  readonly body: Buffer;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

/**
 * A local HTTP server on 127.0.0.1 (never the internet) that answers like an agency's: 200 with
 * the file, 304 to a conditional GET that matches, 404 for anything unpublished; "/hang" never
 * answers. It records the headers of every request.
 */
export class FileServer {
  readonly files = new Map<string, PublishedFile>();
  readonly requests: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<FileServer> {
    const server = createServer();
    const files = new FileServer(server);
    server.on("request", (request, response) => {
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      files.requests.push({ path, headers: request.headers });
      if (path === "/hang") return; // holds the connection open: a server that stalls
      const file = files.files.get(path);
      if (!file) return void response.writeHead(404).end("not found");
      const notModified =
        (file.etag !== undefined && request.headers["if-none-match"] === file.etag) ||
        (file.lastModified !== undefined && request.headers["if-modified-since"] === file.lastModified);
      const headers = {
        ...(file.etag && { ETag: file.etag }),
        ...(file.lastModified && { "Last-Modified": file.lastModified }),
      };
      if (notModified) return void response.writeHead(304, headers).end();
      response.writeHead(200, { ...headers, "Content-Type": file.contentType ?? "application/octet-stream" }).end(file.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return files;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}${path}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}

/** A URL on 127.0.0.1 where nothing listens: a port just freed. */
export async function unreachableUrl(path: string): Promise<string> {
  const server = await FileServer.start();
  const url = server.url(path);
  await server.close();
  return url;
}
