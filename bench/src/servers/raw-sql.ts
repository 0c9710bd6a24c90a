// Configuration 5, the floor: the statement the store builds for an operation (captured from
// findRecords/aggregateRecords by the harness), run through `pg` (or PGlite's own query on
// PGlite) from a plain node:http handler that returns the rows as JSON. No GraphQL, no Prisma.
// Configuration 7, the typed floor, is this server with hand-written statements on typed tables.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { environment, listenPort, stopOnSignal } from "./environment.js";

interface Statement {
  readonly sql: string;
  readonly params: unknown[];
}

const statements = JSON.parse(readFileSync(process.env.BENCH_FLOOR_STATEMENTS ?? "", "utf8")) as Record<string, Statement>;

type Run = (statement: Statement) => Promise<unknown[]>;
let run: Run;
let close: () => Promise<void>;
if (environment.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: environment.DATABASE_URL, max: environment.DATABASE_POOL_SIZE });
  run = async ({ sql, params }) => (await pool.query(sql, params)).rows;
  close = () => pool.end();
} else {
  const db = await PGlite.create(environment.PGLITE_DATA_DIR, { extensions: { pg_trgm } });
  run = async ({ sql, params }) => (await db.query(sql, params)).rows;
  close = () => db.close();
}

const server = createServer((request, response) => {
  const name = (request.url ?? "/").slice(1);
  if (request.method === "GET" && name === "ready") {
    response.writeHead(200).end("ready");
    return;
  }
  const statement = statements[name];
  if (request.method !== "POST" || !statement) {
    response.writeHead(404).end();
    return;
  }
  request.resume(); // the body is the GraphQL request the other configurations get; the floor needs none of it
  request.on("end", () => {
    run(statement).then(
      (rows) => {
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ rows }));
      },
      (error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      },
    );
  });
});
server.listen(listenPort(), "127.0.0.1");
stopOnSignal(async () => {
  server.close();
  await close();
});
