import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The files one official URL had archived: its version timestamps (YYYYMMDD-HHMM) and their bytes. */
export interface ArchivedFile {
  readonly timestamps: readonly string[];
  readonly body: (timestamp: string) => Buffer;
}

export interface ArchiveRequest {
  readonly kind: "list" | "get";
  readonly url: string | null;
  /** list: start and end; get: time. */
  readonly params: Readonly<Record<string, string>>;
  /** The test's clock when the request arrived (a virtual one, for the rate bound). */
  readonly at: number;
}

const MAX_VERSIONS = 10_000;

/**
 * A stand-in for DATA.GOV.HK's historical archive API on 127.0.0.1, reached as SOURCES_MIRROR
 * (paths start with /api.data.gov.hk/v1/historical-archive). As the real one: a date not
 * YYYYMMDD (or a time not YYYYMMDD-HHMM) gets 400, a listing holds at most 10,000 timestamps
 * with "version-count" the full count, and get-file answers a listed version's bytes. It keeps
 * every request it answers.
 */
export class ArchiveServer {
  readonly files = new Map<string, ArchivedFile>();
  readonly requests: ArchiveRequest[] = [];
  /** Answers to give instead, by request kind: a status and a body. */
  readonly overrides = new Map<"list" | "get", { status: number; body: string }>();
  clock: () => number = () => performance.now();
  /** Called with each request as it arrives, before it is answered. */
  onRequest: (request: ArchiveRequest) => void = () => {};
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<ArchiveServer> {
    const server = createServer();
    const archive = new ArchiveServer(server);
    server.on("request", (request, response) => {
      const asked = new URL(request.url ?? "/", "http://localhost");
      const kind = { "/api.data.gov.hk/v1/historical-archive/list-file-versions": "list", "/api.data.gov.hk/v1/historical-archive/get-file": "get" }[asked.pathname] as
        | "list"
        | "get"
        | undefined;
      if (kind === undefined) return void response.writeHead(404).end("not found");
      const url = asked.searchParams.get("url");
      const params = Object.fromEntries([...asked.searchParams].filter(([name]) => name !== "url"));
      const received = { kind, url, params, at: archive.clock() };
      archive.requests.push(received);
      archive.onRequest(received);
      const override = archive.overrides.get(kind);
      if (override) return void response.writeHead(override.status, { "Content-Type": "application/json" }).end(override.body);
      const file = url === null ? undefined : archive.files.get(url);
      if (kind === "list") {
        const { start = "", end = "" } = params;
        if (url === null || !/^\d{8}$/.test(start) || !/^\d{8}$/.test(end)) {
          return void response.writeHead(400, { "Content-Type": "application/json" }).end('{"error":"start and end must be YYYYMMDD"}');
        }
        const listed = (file?.timestamps ?? []).filter((timestamp) => timestamp.slice(0, 8) >= start && timestamp.slice(0, 8) <= end);
        const body = { "version-count": listed.length, timestamps: listed.slice(0, MAX_VERSIONS) };
        return void response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
      }
      const time = params["time"] ?? "";
      if (!/^\d{8}-\d{4}$/.test(time)) return void response.writeHead(400, { "Content-Type": "application/json" }).end('{"error":"time must be YYYYMMDD-HHMM"}');
      if (!file?.timestamps.includes(time)) return void response.writeHead(404).end("no such version");
      response.writeHead(200, { "Content-Type": "application/json" }).end(file.body(time));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return archive;
  }

  /** Back to no files, no requests, no overrides, the real clock. */
  reset(): void {
    this.files.clear();
    this.requests.length = 0;
    this.overrides.clear();
    this.clock = () => performance.now();
    this.onRequest = () => {};
  }

  /** The SOURCES_MIRROR that reaches this server. */
  get mirror(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The get-file requests for each version time, counted. */
  fileRequests(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const request of this.requests.filter((asked) => asked.kind === "get")) {
      const time = request.params["time"] ?? "";
      counts.set(time, (counts.get(time) ?? 0) + 1);
    }
    return counts;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}
