import { toHongKongIso } from "@hkhealth/plan";
import type { IngestResult } from "../request.js";

const count = new Intl.NumberFormat("en-US");

/** The one line the CLI prints for an ingest. */
export function summaryLine(result: IngestResult): string {
  switch (result.status) {
    case "ingested": {
      const observed = result.observedAt === undefined ? "" : ` (observed ${toHongKongIso(result.observedAt)})`;
      return `ingested ${count.format(result.records)} records into ${result.datasetId} from ${result.location}${observed}`;
    }
    case "duplicate":
      return `already ingested: ${result.location} has the same bytes as ingestion ${result.ingestionId} of ${result.datasetId}; nothing written`;
    case "unchanged":
      return `unchanged: ${result.location} has not changed since it was last fetched; nothing written`;
  }
}
