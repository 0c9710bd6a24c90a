import { z } from "zod";
import { count, flag, port } from "./values.js";

/** "plan=http://127.0.0.1:4001/graphql,records=http://…": subgraphs served elsewhere, by name. */
const subgraphUrls = z
  .string()
  .transform((value, context) => {
    const urls: Record<string, string> = {};
    for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
      const separator = entry.indexOf("=");
      const name = entry.slice(0, separator).trim();
      const url = entry.slice(separator + 1).trim();
      if (separator < 1 || !name || !/^https?:\/\//.test(url) || !URL.canParse(url)) {
        context.addIssue({ code: "custom", message: `"${entry}" is not name=http(s)://host:port/path` });
      } else {
        urls[name] = url;
      }
    }
    return urls;
  })
  .default({});

/** How the gateway reaches its subgraphs. */
export const gatewaySubgraphs = {
  /** Subgraphs run as their own services; the others run inside the gateway. */
  SUBGRAPH_URLS: subgraphUrls,
  SUBGRAPH_TIMEOUT_MS: count(10_000, 10, 600_000),
  /** Identical subgraph fetches in flight at once share one answer (the graph is public and read-only). */
  SHARE_SUBGRAPH_FETCHES: flag(true),
};

/** A subgraph service of its own (`pnpm start:subgraph <name>`). */
export const subgraphService = {
  /** Its port; by default the subgraph's own (4001-4005). */
  SUBGRAPH_PORT: port.optional(),
};
