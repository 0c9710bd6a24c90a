import { createClient } from "@hkhealth/client";

/** The gateway that served the app (or, under `pnpm dev:web`, Vite's proxy to it). */
export const client = createClient({ url: "/graphql" });

/** The gateway's CSV download of a dataset's records, with the records query's filters and sort. */
export function recordsCsvUrl(datasetId: string, query: { filter?: unknown; orderBy?: unknown }): string {
  const params = new URLSearchParams();
  if (query.filter) params.set("filter", JSON.stringify(query.filter));
  if (query.orderBy) params.set("orderBy", JSON.stringify(query.orderBy));
  const search = params.toString();
  return `/datasets/${encodeURIComponent(datasetId)}/records.csv${search ? `?${search}` : ""}`;
}
