import { Dataset } from "@hkhealth/plan";
import type { GraphContext } from "@hkhealth/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Distribution, distributionsOf, portalUrlOf } from "./distribution.js";
import { DatasetFreshness, datasetFreshness, DistributionFreshness, distributionFreshness } from "./freshness.js";

/** Each file's freshness, from the sync rows of its dataset (one batched statement per request). */
async function freshnessOf(distributions: Distribution[], { loaders }: GraphContext): Promise<DistributionFreshness[]> {
  const datasetId = distributions[0]?.datasetId;
  // A dataset without known files has nothing to look up.
  if (datasetId === undefined) return [];
  const rows = await loaders.distributionSyncsByDatasetId.load(datasetId);
  // Keyed by the module's URLs: a row left for a file the module no longer lists is not shown.
  const rowByUrl = new Map(rows.map((row) => [row.url, row]));
  return distributions.map((distribution) => distributionFreshness(distribution, rowByUrl.get(distribution.url)));
}

@Resolver(() => Dataset)
export class DatasetDistributionsResolver {
  @FieldResolver(() => [Distribution], { description: "Its official files (URL, format, language, the series each fills); empty where no official URL is known." })
  distributions(@Root() dataset: Dataset): Distribution[] {
    return distributionsOf(dataset.id);
  }

  @FieldResolver(() => String, { nullable: true, description: "Its page on DATA.GOV.HK; null where none is known." })
  portalUrl(@Root() dataset: Dataset): string | null {
    return portalUrlOf(dataset.id);
  }

  @FieldResolver(() => DatasetFreshness, {
    description: "How current its records are: when the sync last checked and changed its files, checks them next, and whether a source is failing. Nulls before the first check.",
  })
  async freshness(@Root() dataset: Dataset, @Ctx() context: GraphContext): Promise<DatasetFreshness> {
    return datasetFreshness(await freshnessOf(distributionsOf(dataset.id), context));
  }
}

@Resolver(() => Distribution)
export class DistributionResolver {
  @FieldResolver(() => DistributionFreshness, { description: "How current the graph's copy of this file is (nulls before its first check)." })
  async freshness(@Root() distribution: Distribution, @Ctx() context: GraphContext): Promise<DistributionFreshness> {
    const [freshness] = await freshnessOf([distribution], context);
    return freshness!;
  }
}
