import type { AgencyCode, DataFormat, UpdateFrequency } from "../model/enums.js";

/** Section of the plan a row comes from: A/B bureau datasets, C other bodies, D already uploaded. */
export type PlanSection = "A" | "B" | "C" | "D";

/** One release row of the plan. */
export interface CatalogueRelease {
  /** Row label in the plan, e.g. "A1", "C2", "D1" (D1 has four rows that share the label). */
  readonly planRow: string;
  readonly section: PlanSection;
  /** "YYYY-MM": the actual month for section D rows, the target month otherwise. */
  readonly month: string;
  readonly updateFrequency: UpdateFrequency;
  /** Formats named in the remarks, in the order the plan names them. */
  readonly formats: readonly DataFormat[];
  /** Remarks in Traditional Chinese, exactly as written, HTML tags removed, one line per paragraph. */
  readonly descriptionZh: string;
  /** The same remarks in English. */
  readonly descriptionEn: string;
}

/** One dataset: identified by its name in the plan; may have several release rows. */
export interface CatalogueDataset {
  /** Stable slug, e.g. "ha-aed-waiting-time". */
  readonly id: string;
  readonly agency: AgencyCode;
  /** The name cell exactly as the plan prints it once broken lines are joined, e.g. "醫務衛生/ 急症室等候時間". */
  readonly planName: string;
  /** Category before the slash ("醫務衛生"), or null where the plan gives none (D19). */
  readonly categoryZh: string | null;
  /** Dataset name in Traditional Chinese without the category and without conversion artefacts. */
  readonly titleZh: string;
  /** English title: the publisher's official one where it has one. */
  readonly titleEn: string;
  /** Releases, oldest first. */
  readonly releases: readonly CatalogueRelease[];
}

export interface CatalogueAgency {
  readonly code: AgencyCode;
  readonly nameEn: string;
  readonly nameZh: string;
}
