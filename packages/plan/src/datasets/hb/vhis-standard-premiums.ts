import type { DatasetDefinition } from "../types.js";

/** The Voluntary Health Insurance Scheme's standard plan premiums. */
export const vhisStandardPremiums: DatasetDefinition = {
  id: "hb-vhis-standard-premiums",
  // Seen in a public VHIS refresh script on GitHub and the READMEs of VHIS comparison projects.
  portalUrl: "https://data.gov.hk/en-data/dataset/hk-hhb-hhbvhis-vhis-standard-premium",
  // No file the ingest can read is known (README, "Datasets without a known source"): the premiums
  // are published zipped (www.vhis.gov.hk/public/data/plan-premium.zip, seen in public code), and
  // no format of ours unpacks a ZIP.
  distributions: [],
};
