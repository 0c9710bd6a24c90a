import type { DatasetDefinition } from "../types.js";

/**
 * Healthcare providers participating in the Electronic Health Record Sharing System (plan row
 * D14, XML, published as needed). The layout in `fields` is assumed. No copy of the file
 * could be found offline, so this is our reading of the plan's description: a root <hcpList>
 * with one <provider> element per healthcare provider; its category, name, district and address
 * each as an element with <en> and <tc> children, and a <telephone>. Providers with several
 * practices (a medical group, say) have no single district or address and leave them out. The
 * store's XML reader flattens nested elements to dot keys, which are the keys below.
 */
export const ehrssHealthcareProviders = {
  id: "hb-ehrss-healthcare-providers",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
  typedView: { subgraph: "hb", typeName: "EhrssProviderView" },
  fields: {
    type: { en: "category.en", zh: "category.tc" },
    name: { en: "name.en", zh: "name.tc" },
    district: { en: "district.en", zh: "district.tc" },
    address: { en: "address.en", zh: "address.tc" },
    telephone: "telephone",
  },
} as const satisfies DatasetDefinition;
