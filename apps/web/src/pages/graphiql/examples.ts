import { AeHistoryDocument, AeNowDocument, DatasetAggregateDocument, DatasetRecordsDocument, PlanProgressDocument } from "@hkhealth/client";

/** GraphiQL's first tabs: the operations the web app itself runs (from @hkhealth/client), with variables that answer. */
export const exampleTabs = [
  { query: String(AeNowDocument).trim(), variables: JSON.stringify({ feedLang: "EN", lang: "ZH_HANT" }, null, 2) },
  { query: String(AeHistoryDocument).trim(), variables: JSON.stringify({ hospitalId: "queen-elizabeth-hospital", feedLang: "EN", first: 20 }, null, 2) },
  { query: String(PlanProgressDocument).trim(), variables: JSON.stringify({ asOf: "2024-01-01", lang: "EN" }, null, 2) },
  {
    query: String(DatasetRecordsDocument).trim(),
    variables: JSON.stringify({ id: "hb-covid19-vaccination-by-age", lang: "EN", first: 5, orderBy: [{ field: "Date", direction: "DESC" }] }, null, 2),
  },
  { query: String(DatasetAggregateDocument).trim(), variables: JSON.stringify({ id: "hb-covid19-vaccination-by-age", groupBy: ["Age Group"], field: "BioNTech 1st dose" }, null, 2) },
];
