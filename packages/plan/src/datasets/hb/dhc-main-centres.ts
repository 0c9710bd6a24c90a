import type { DatasetDefinition } from "../types.js";

/*
 * The layout we assume for the District Health Centre files (plan rows A1 "main centre
 * information of District Health Centres" and A2 "... of DHC Expresses", JSON, published as
 * needed). No copy of either file could be found offline, so this is our reading of the plan's
 * description, in the style of the bureau's other bilingual feeds: a JSON array with one object
 * per main centre, English and Traditional Chinese in "_en" / "_tc" keys, coordinates as numbers.
 * The DHC Express file may leave out the opening hours. Only this table names the keys, so a
 * different real layout means changing it and the fixtures, nothing else.
 */
export const districtHealthCentreFields = {
  district: { en: "district_en", zh: "district_tc" },
  name: { en: "name_en", zh: "name_tc" },
  address: { en: "address_en", zh: "address_tc" },
  openingHours: { en: "opening_hours_en", zh: "opening_hours_tc" },
  telephone: "telephone",
  website: "website",
  latitude: "latitude",
  longitude: "longitude",
} as const;

/** The main centres of the District Health Centres. */
export const dhcMainCentres = {
  id: "hb-dhc-main-centres",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
  typedView: { subgraph: "hb", typeName: "DistrictHealthCentreView" },
  fields: districtHealthCentreFields,
} as const satisfies DatasetDefinition;
