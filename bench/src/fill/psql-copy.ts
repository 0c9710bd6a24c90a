import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import pg from "pg";

export interface CopyFigures {
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
}

/** The header of a CSV file (its first record, without a byte-order mark). */
async function csvHeader(path: string): Promise<string[]> {
  const parser = createReadStream(path).pipe(parse({ bom: true, to_line: 1 }));
  for await (const record of parser) return record as string[];
  throw new Error(`${path} has no header`);
}

export function psql(url: string, commands: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", ...commands.flatMap((command) => ["-c", command])], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}: ${stderr.trim()}`))));
  });
}

/**
 * `psql \copy` of the same CSV files into a plain table of text columns (no JSON, no index): what
 * PostgreSQL's own bulk path does with the bytes, timed from psql's start to its end. The table
 * is dropped afterwards.
 */
export async function copyWithPsql(url: string, table: string, files: readonly string[]): Promise<CopyFigures> {
  const [first] = files;
  if (!first) return { records: 0, seconds: 0, recordsPerSecond: 0 };
  const header = await csvHeader(first);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS "${table}"`);
    await client.query(`CREATE TABLE "${table}" (${header.map((_name, index) => `c${index + 1} text`).join(", ")})`);
    const started = performance.now();
    await psql(
      url,
      files.map((file) => `\\copy "${table}" FROM '${file.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)`),
    );
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table}"`);
    const records = rows[0]?.count ?? 0;
    return { records, seconds, recordsPerSecond: records / seconds };
  } finally {
    await client.query(`DROP TABLE IF EXISTS "${table}"`).catch(() => {});
    await client.end();
  }
}
