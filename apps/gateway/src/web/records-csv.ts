import type { ApolloServer } from "@apollo/server";
import { Router, type Request, type Response } from "express";

/** The records query the CSV pages through: the very query clients run, so its filters, limits and errors apply. */
const RECORDS_PAGE = `
  query RecordsCsvPage($id: ID!, $first: Int, $after: String, $orderBy: [FieldOrderInput!], $filter: [FieldFilterInput!], $from: DateTime, $to: DateTime, $asOf: DateTime) {
    dataset(id: $id) {
      fields { name position }
      records(first: $first, after: $after, orderBy: $orderBy, filter: $filter, from: $from, to: $to, asOf: $asOf) {
        pageInfo { hasNextPage endCursor }
        edges { node { id observedAt fields } }
      }
    }
  }
`;

/** The records query's largest page. */
const PAGE_SIZE = 1000;

interface RecordsPage {
  dataset: {
    fields: { name: string; position: number }[] | null;
    records: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; observedAt: string; fields: Record<string, unknown> } }[] } | null;
  } | null;
}

/** A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; objects as JSON. */
export function csvCell(value: unknown): string {
  if (value == null) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: readonly unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;

class BadCsvRequest extends Error {}

function jsonParameter(request: Request, name: string): unknown {
  const text = request.query[name];
  if (text === undefined) return undefined;
  if (typeof text !== "string") throw new BadCsvRequest(`"${name}" must be given once, as JSON`);
  try {
    return JSON.parse(text);
  } catch {
    throw new BadCsvRequest(`"${name}" is not JSON: ${text.slice(0, 100)}`);
  }
}

function stringParameter(request: Request, name: string): string | undefined {
  const value = request.query[name];
  if (value === undefined || typeof value === "string") return value;
  throw new BadCsvRequest(`"${name}" must be given once`);
}

function variablesOf(request: Request, id: string) {
  return {
    id,
    first: PAGE_SIZE,
    filter: jsonParameter(request, "filter"),
    orderBy: jsonParameter(request, "orderBy"),
    from: stringParameter(request, "from"),
    to: stringParameter(request, "to"),
    asOf: stringParameter(request, "asOf"),
  };
}

type RunPage = (variables: Record<string, unknown>) => Promise<{ data?: RecordsPage; errors?: readonly { message: string }[] }>;

/**
 * GET /datasets/:id/records.csv (mounted at /datasets)?filter=[...]&orderBy=[...]&from=&to=&asOf= — the records query's
 * arguments as JSON or text, the records as CSV (id, observedAt, then the dataset's fields),
 * written a page at a time as each page is answered. A refused first page answers 400 with the
 * gateway's words; a page refused later cuts the download, so no partial file looks whole.
 */
export function recordsCsvRoute<TContext extends object>(apollo: ApolloServer<TContext>, contextFor: (request: Request) => Promise<TContext>): Router {
  const router = Router();
  router.get("/:id/records.csv", async (request: Request<{ id: string }>, response: Response) => {
    const id = request.params.id;
    let variables: ReturnType<typeof variablesOf>;
    try {
      variables = variablesOf(request, id);
    } catch (error) {
      response.status(400).type("text/plain; charset=utf-8").send(`${(error as Error).message}\n`);
      return;
    }
    const contextValue = await contextFor(request);
    const runPage: RunPage = async (pageVariables) => {
      const result = await apollo.executeOperation<RecordsPage>({ query: RECORDS_PAGE, variables: pageVariables }, { contextValue });
      if (result.body.kind !== "single") throw new Error("The records query answered incrementally");
      return result.body.singleResult as { data?: RecordsPage; errors?: readonly { message: string }[] };
    };
    let after: string | null = null;
    let started = false;
    let fieldNames: string[] = [];
    for (;;) {
      const page = await runPage({ ...variables, after });
      const records = page.data?.dataset?.records;
      const problem = page.errors?.map((error) => error.message).join("; ") ?? (page.data?.dataset === null ? `No dataset "${id}"` : !records ? `Dataset "${id}" has no records` : undefined);
      if (problem || !records) {
        if (started) {
          response.destroy(new Error(problem));
        } else {
          response.status(page.data?.dataset === null ? 404 : 400).type("text/plain; charset=utf-8").send(`${problem}\n`);
        }
        return;
      }
      if (!started) {
        fieldNames = [...(page.data?.dataset?.fields ?? [])].sort((a, b) => a.position - b.position).map((field) => field.name);
        response.status(200).type("text/csv; charset=utf-8").setHeader("Content-Disposition", `attachment; filename="${id.replace(/[^\w.-]/g, "_")}.csv"`);
        response.write(csvLine(["id", "observedAt", ...fieldNames]));
        started = true;
      }
      const chunk = records.edges.map(({ node }) => csvLine([node.id, node.observedAt, ...fieldNames.map((name) => node.fields[name])])).join("");
      // Wait for the socket to drain before the next page, so a slow reader does not pile pages in memory.
      if (!response.write(chunk)) await new Promise((resolve) => response.once("drain", resolve));
      if (!records.pageInfo.hasNextPage || response.destroyed) break;
      after = records.pageInfo.endCursor;
    }
    response.end();
  });
  return router;
}
