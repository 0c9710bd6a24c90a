import type { z } from "zod";
import type { AgencyCode, DataFormat, UpdateFrequency } from "../model/enums.js";

/** The language a file is published in: English, Traditional or Simplified Chinese. */
export type DistributionLanguage = "en" | "tc" | "sc";

/** One file an agency publishes for a dataset, at its official URL. */
export interface Distribution {
  readonly url: string;
  readonly format: DataFormat;
  /** null for a file that is not published per language. */
  readonly language: DistributionLanguage | null;
  /** The snapshot series the file fills (its records replace or add to that series only). */
  readonly resource: string;
}

/** How a dataset's published files become records over time. */
export interface RecordProfile {
  /** SNAPSHOT: a new file replaces the last (feeds, directories); CUMULATIVE: files add rows. */
  readonly mode: "SNAPSHOT" | "CUMULATIVE";
  /** JSON/XML: where the records are in a file. */
  readonly recordPath?: string;
  /** Field giving the time the data describes, in each record or beside them. */
  readonly observedAtField?: string;
  /** Each file is its own snapshot series (a directory published as several files). */
  readonly resourcePerFile?: boolean;
  /**
   * Fields its records are filtered by (equality or a range): the store indexes each in the
   * dataset's typed table, followed by the first of `sortFields`, so a filtered page in that
   * order reads only its own rows.
   */
  readonly filterFields?: readonly string[];
  /** Fields its records are sorted by, "-name" for newest or largest first: each gets an index in that order. */
  readonly sortFields?: readonly string[];
}

/** What a column holds (as the ingest's values.ts decides it). */
export type FieldTypeName = "STRING" | "NUMBER" | "BOOLEAN" | "DATE" | "DATETIME";

/** Fields, by name or by a pattern of names, with the type declared for them. */
export type FieldTypeDeclarations = ReadonlyArray<readonly [string | RegExp, FieldTypeName]>;

/** A dataset an agency publishes outside the plan: what registering it needs. */
export interface OffPlanRegistration {
  readonly agency: AgencyCode;
  readonly titleEn: string;
  readonly titleZh: string;
  readonly updateFrequency: UpdateFrequency;
  readonly formats: readonly DataFormat[];
}

/**
 * Everything the project knows about one dataset, in one place: ingest, store, subgraphs and
 * sync read this instead of keeping tables of their own keyed by dataset id.
 */
export interface DatasetDefinition {
  /** The catalogue id (a plan dataset), or the id it is registered under (off-plan). */
  readonly id: string;
  /** Set for a dataset outside the plan: how it is registered. */
  readonly offPlan?: OffPlanRegistration;
  /** Its page on DATA.GOV.HK; null where none is known. */
  readonly portalUrl: string | null;
  /** Its official files; empty where no official URL is known (never a guessed one). */
  readonly distributions: readonly Distribution[];
  /** How its files become records; absent: decided by its update frequency (record-profiles.ts). */
  readonly profile?: RecordProfile;
  /** What each record must look like, where the published layout is known (checked before storing). */
  readonly rowSchema?: z.ZodType;
  /** Types declared for fields its layouts give in different types. */
  readonly declaredFieldTypes?: FieldTypeDeclarations;
  /** The typed view `Dataset.view` returns, and the agency subgraph that serves it. */
  readonly typedView?: { readonly subgraph: "ha" | "hb" | "dh"; readonly typeName: string };
  /** Where its typed view finds each value: the published field names (column headers, keys). */
  readonly fields?: object;
}
