import { userInputError } from "@hkhealth/subgraph-kit";
import { hospitalAuthorityProfile, type HospitalCluster } from "./profile.js";

/** Case, spaces and punctuation aside: "Kowloon Central" = "kowloon-central". */
function clusterKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The words a cluster's names end with, which a client may leave out: "Kowloon Central", "九龍中". */
const suffixes = ["cluster", "醫院聯網", "聯網"];

function aliasesOf(cluster: HospitalCluster): string[] {
  const names = [cluster.code, cluster.nameEn, cluster.nameZh].map(clusterKey);
  const shortened = names.flatMap((name) => suffixes.filter((suffix) => name.endsWith(suffix)).map((suffix) => name.slice(0, -suffix.length)));
  return [...names, ...shortened];
}

/**
 * The cluster a client names, in English or Chinese, in full or without "Cluster"/"醫院聯網", or by
 * its code: "Kowloon Central Cluster", "Kowloon Central", "KC", "九龍中醫院聯網" and "九龍中" are all KC.
 * An unknown name is a client mistake, answered with the clusters there are.
 */
export function resolveCluster(text: string): HospitalCluster {
  const key = clusterKey(text);
  const cluster = hospitalAuthorityProfile.clusters.find((candidate) => aliasesOf(candidate).includes(key));
  if (cluster) return cluster;
  const known = hospitalAuthorityProfile.clusters.map((candidate) => `${candidate.code} (${candidate.nameEn}, ${candidate.nameZh})`);
  throw userInputError(`No hospital cluster ${JSON.stringify(text)}; the clusters are: ${known.join("; ")}`, { argument: "cluster" });
}
