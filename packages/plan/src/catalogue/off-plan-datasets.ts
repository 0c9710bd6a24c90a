import type { AgencyCode, DataFormat, UpdateFrequency } from "../model/enums.js";
import { datasetDefinitions } from "../datasets/index.js";

/**
 * A dataset an agency publishes outside the plan, described so its files can be ingested. The
 * same shape as the store's DatasetRegistration, declared here so the plan needs no store.
 */
export interface OffPlanDataset {
  readonly id: string;
  readonly agency: AgencyCode;
  readonly titleEn: string;
  readonly titleZh: string;
  readonly updateFrequency: UpdateFrequency;
  readonly formats: readonly DataFormat[];
  readonly recordMode?: "SNAPSHOT" | "CUMULATIVE";
  readonly recordPath?: string | null;
  readonly observedAtField?: string | null;
  readonly resourcePerFile?: boolean;
}

/** The registrations of the known datasets outside the plan (the modules with `offPlan`). */
export const offPlanDatasets: readonly OffPlanDataset[] = datasetDefinitions.flatMap((definition) =>
  definition.offPlan
    ? [
        {
          id: definition.id,
          ...definition.offPlan,
          ...(definition.profile && {
            recordMode: definition.profile.mode,
            ...(definition.profile.recordPath !== undefined && { recordPath: definition.profile.recordPath }),
            ...(definition.profile.observedAtField !== undefined && { observedAtField: definition.profile.observedAtField }),
            ...(definition.profile.resourcePerFile !== undefined && { resourcePerFile: definition.profile.resourcePerFile }),
          }),
        },
      ]
    : [],
);
