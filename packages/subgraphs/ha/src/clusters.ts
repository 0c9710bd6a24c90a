import { userInputError } from "@hkhealth/subgraph-kit";
import { hospitalAuthorityProfile, type HospitalCluster } from "./profile.js";

/** Case, spaces and punctuation aside: "Kowloon Central" = "kowloon-central". */
function clusterKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The words a cluster's names end with, which a client may leave out: "Kowloon Central", "九龍中". */
const suffixes = ["cluster", "醫院聯網", "聯網", "医院联网", "联网"];

function aliasesOf(cluster: HospitalCluster): string[] {
  // HA's own files also write "KCC", "HKEC" (the code and "Cluster") and Simplified Chinese names.
  const names = [cluster.code, `${cluster.code}C`, cluster.nameEn, cluster.nameZh, cluster.nameZhHans].map(clusterKey);
  const shortened = names.flatMap((name) => suffixes.filter((suffix) => name.endsWith(suffix)).map((suffix) => name.slice(0, -suffix.length)));
  return [...names, ...shortened];
}

/** The cluster a published text names, as resolveCluster reads it; undefined when it names none. */
export function findCluster(text: string): HospitalCluster | undefined {
  const key = clusterKey(text);
  return key === "" ? undefined : hospitalAuthorityProfile.clusters.find((candidate) => aliasesOf(candidate).includes(key));
}

/**
 * The cluster a client names, in English or Chinese, in full or without "Cluster"/"醫院聯網", or by
 * its code: "Kowloon Central Cluster", "Kowloon Central", "KC", "九龍中醫院聯網" and "九龍中" are all KC.
 * An unknown name is a client mistake, answered with the clusters there are.
 */
export function resolveCluster(text: string): HospitalCluster {
  const cluster = findCluster(text);
  if (cluster) return cluster;
  const known = hospitalAuthorityProfile.clusters.map((candidate) => `${candidate.code} (${candidate.nameEn}, ${candidate.nameZh})`);
  throw userInputError(`No hospital cluster ${JSON.stringify(text)}; the clusters are: ${known.join("; ")}`, { argument: "cluster" });
}
