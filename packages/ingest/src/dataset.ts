import { offPlanDatasets } from "@hkhealth/plan";
import type { PrismaClient } from "@hkhealth/store";
import { closestNames } from "./closest-names.js";
import { IngestError } from "./errors.js";

/** What the ingest needs to know about the dataset a file goes into. */
export interface TargetDataset {
  readonly id: string;
  readonly recordPath: string | null;
  readonly observedAtField: string | null;
  readonly resourcePerFile: boolean;
}

/** The dataset with this id, or an IngestError that says what was probably meant. */
export async function findDataset(prisma: PrismaClient, datasetId: string, source: string): Promise<TargetDataset> {
  const dataset = await prisma.dataset.findUnique({
    where: { id: datasetId },
    select: { id: true, recordPath: true, observedAtField: true, resourcePerFile: true },
  });
  if (dataset) return dataset;
  throw new IngestError(source, `unknown dataset ${JSON.stringify(datasetId)}${await hint(prisma, datasetId)}`);
}

async function hint(prisma: PrismaClient, datasetId: string): Promise<string> {
  if (offPlanDatasets.some((dataset) => dataset.id === datasetId)) {
    return `; it is outside the plan: register it first (pnpm ingest --register ${datasetId})`;
  }
  const known = await prisma.dataset.findMany({ select: { id: true } });
  if (known.length === 0) return " (no dataset is loaded: load the catalogue first)";
  const close = closestNames(datasetId, known.map((dataset) => dataset.id));
  return close.length === 0 ? "" : `; did you mean ${close.map((id) => JSON.stringify(id)).join(" or ")}?`;
}
