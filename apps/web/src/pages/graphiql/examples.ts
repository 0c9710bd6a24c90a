import { AeHistoryDocument, AeNowDocument, DatasetAggregateDocument, DatasetRecordsDocument, PlanProgressDocument } from "@hkhealth/client";

/** Runs as it stands, with no variables: the first tab, so "run" answers at once. */
const waitsNow = `# Every A&E hospital's current waits; press the run button (or Ctrl-Enter).
# The other tabs are the web app's own operations, with variables below each.
{
  dataset(id: "ha-aed-waiting-time") {
    view {
      ... on AedWaitingTimeView {
        latest(lang: EN) {
          observedAt
          hospital { id name(lang: ZH_HANT) }
          triage3Median { text minutes }
        }
      }
    }
  }
}
`;

/** GraphiQL's first tabs: one plain query, then the operations the web app itself runs (from @hkhealth/client), with variables that answer. */
export const exampleTabs = [
  { query: waitsNow },
  { query: String(AeNowDocument).trim(), variables: JSON.stringify({ feedLang: "EN", lang: "ZH_HANT" }, null, 2) },
  { query: String(AeHistoryDocument).trim(), variables: JSON.stringify({ hospitalId: "queen-elizabeth-hospital", feedLang: "EN", first: 20 }, null, 2) },
  { query: String(PlanProgressDocument).trim(), variables: JSON.stringify({ asOf: "2024-01-01", lang: "EN" }, null, 2) },
  {
    query: String(DatasetRecordsDocument).trim(),
    variables: JSON.stringify({ id: "hb-covid19-vaccination-by-age", lang: "EN", first: 5, orderBy: [{ field: "Date", direction: "DESC" }] }, null, 2),
  },
  { query: String(DatasetAggregateDocument).trim(), variables: JSON.stringify({ id: "hb-covid19-vaccination-by-age", groupBy: ["Age Group"], field: "BioNTech 1st dose" }, null, 2) },
];
