import { datasetDefinitions, offPlanDatasets, updateFrequencyOf, type DataFormat } from "@hkhealth/plan";
import { registerDataset, type Store } from "@hkhealth/store";
import { checkPeriodMs } from "./periods.js";

/** One official file to keep current, as its dataset's module lists it. */
export interface SyncTarget {
  readonly datasetId: string;
  /** The official URL (DistributionSync's key with the dataset), never a mirror's. */
  readonly url: string;
  readonly resource: string;
  readonly format: DataFormat;
  /** How often it is checked (its dataset's update frequency). */
  readonly periodMs: number;
}

/** The key of a target's DistributionSync row, for maps. */
export function targetKey(target: { readonly datasetId: string; readonly url: string }): string {
  return `${target.datasetId} ${target.url}`;
}

/**
 * Every distribution of every known dataset the store has, with its DistributionSync row made
 * (due at once) where it has none. The known off-plan datasets are registered first, so their
 * files are kept too; registering again changes nothing.
 */
export async function prepareTargets(store: Store, now: Date): Promise<SyncTarget[]> {
  const { prisma } = store;
  for (const registration of offPlanDatasets) await registerDataset(prisma, registration);
  const stored = new Set((await prisma.dataset.findMany({ select: { id: true } })).map((dataset) => dataset.id));
  const targets = datasetDefinitions
    .filter((definition) => stored.has(definition.id))
    .flatMap((definition) => {
      const periodMs = checkPeriodMs[updateFrequencyOf(definition)];
      return definition.distributions.map(({ url, resource, format }) => ({ datasetId: definition.id, url, resource, format, periodMs }));
    });
  await prisma.distributionSync.createMany({
    data: targets.map(({ datasetId, url, resource }) => ({ datasetId, url, resource, nextCheckAt: now })),
    skipDuplicates: true,
  });
  return targets;
}
