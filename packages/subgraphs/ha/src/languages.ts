import { datasetDefinition, PublishedLanguage } from "@hkhealth/plan";
import { inSnapshot, latestObservations, type SqlParams } from "@hkhealth/store";

export const languageArg = {
  nullable: true,
  defaultValue: PublishedLanguage.EN,
  description: "Which language's files to read, English by default; each language's files are their own snapshots, never mixed.",
} as const;

/** The known files' series and their language code, from the dataset's distributions: {"sop-waiting-time-tc": "tc"}. */
function languageOfSeries(datasetId: string): Record<string, string> {
  const distributions = datasetDefinition(datasetId)?.distributions ?? [];
  return Object.fromEntries(distributions.flatMap((file) => (file.language ? [[file.resource, file.language]] : [])));
}

/**
 * SQL: the language code of the series `resource` (an expression): its distribution's; else a
 * language code in its name ("aedwtdata-en.v1"); else English, the language of the files
 * ingested before each language had its own series (the dataset's own series, the 2019 history).
 */
export function seriesLanguage(resource: string, datasetId: string, params: SqlParams): string {
  const known = params.add(JSON.stringify(languageOfSeries(datasetId)), "jsonb");
  return `coalesce(${known}->>${resource}, substring(${resource} from '-(en|tc|sc)(?:[.-]|$)'), 'en')`;
}

export interface LanguageSnapshot {
  readonly datasetId: string;
  readonly language: PublishedLanguage;
  readonly asOf?: Date | null;
  /** Series preferred among snapshots of the same instant (A&E: the current feed's). */
  readonly preferredSeries?: readonly string[];
}

/**
 * FROM clause of the records of one language's snapshot in force: of every series in that
 * language, the latest observation at or before `asOf` (found per series by the index on
 * ("datasetId", resource, "observedAt"), as the store reads a snapshot); of those the latest, then
 * a preferred series', then the last stored. One file's records, never a mix of languages or
 * files. Rows are aliased `r`.
 */
export function languageSnapshotFrom(snapshot: LanguageSnapshot, params: SqlParams): string {
  const series = latestObservations({ datasetIds: snapshot.datasetId, asOf: snapshot.asOf }, params);
  const language = `${seriesLanguage("series.resource", snapshot.datasetId, params)} = ${params.add(snapshot.language.toLowerCase())}`;
  const preferred = `series.resource IN (SELECT jsonb_array_elements_text(${params.add(JSON.stringify(snapshot.preferredSeries ?? []), "jsonb")}))`;
  return (
    `(SELECT series.resource, snapshot."observedAt", snapshot."ingestionId" FROM ${series.from}` +
    ` WHERE ${language} ORDER BY snapshot."observedAt" DESC, (${preferred}) DESC, snapshot."ingestionId" DESC LIMIT 1) chosen` +
    ` JOIN "Record" r ON r."datasetId" = ${series.dataset} AND r.resource = chosen.resource AND ${inSnapshot("chosen")}`
  );
}
