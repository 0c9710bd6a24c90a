import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { AgencyCode, catalogueDatasets, DataFormat, offPlanDatasets, UpdateFrequency } from "@hkhealth/plan";
import type { DatasetRegistration } from "@hkhealth/store";
import { z } from "zod";
import { IngestError } from "./errors.js";

/** A registration file: a dataset outside the plan, described as registerDataset takes it. */
export const registrationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug like "dh-chp-building-list"'),
  agency: z.enum(AgencyCode),
  titleEn: z.string().trim().min(1, "must not be empty"),
  titleZh: z.string().trim().min(1, "must not be empty"),
  updateFrequency: z.enum(UpdateFrequency),
  formats: z.array(z.enum(DataFormat)).min(1, "must name at least one format"),
  recordMode: z.enum(["SNAPSHOT", "CUMULATIVE"]).optional(),
  recordPath: z.string().min(1).nullable().optional(),
  observedAtField: z.string().min(1).nullable().optional(),
  resourcePerFile: z.boolean().optional(),
});

/**
 * The registration `target` names: a known off-plan dataset's id (offPlanDatasets), else a JSON
 * file (relative to `baseDir`) checked against registrationSchema. A plan dataset is refused:
 * the plan comes from the catalogue only.
 */
export async function readRegistration(target: string, baseDir: string): Promise<DatasetRegistration> {
  const known = offPlanDatasets.find((dataset) => dataset.id === target);
  if (known) return known;
  const path = resolve(baseDir, target);
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    const ids = offPlanDatasets.map((dataset) => dataset.id).join(", ");
    throw new IngestError(path, error.code === "ENOENT" ? `no such file, and no known off-plan dataset has that id (they are ${ids})` : `cannot be read (${error.message})`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new IngestError(path, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = registrationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : undefined;
    throw new IngestError(path, issue?.message ?? "not a registration", "$", field);
  }
  if (catalogueDatasets.some((dataset) => dataset.id === parsed.data.id)) {
    throw new IngestError(path, `${parsed.data.id} is a plan dataset; it is loaded from the catalogue, not registered`, "$", "id");
  }
  return parsed.data;
}
