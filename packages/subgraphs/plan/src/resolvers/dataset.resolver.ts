import {
  Agency,
  DataFormat,
  Dataset,
  DatasetConnection,
  DatasetFilter,
  Language,
  monthOfDate,
  Release,
  todayInHongKong,
  isoDate, localised } from "@hkhealth/plan";
import { findDatasets } from "@hkhealth/store";
import { connectionOf, decodeCursorInteger, encodeCursor, MAX_SQL_INTEGER, nullWhenUnanswered, pageSize, selectedFields, type GraphContext } from "@hkhealth/subgraph-kit";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import { DatasetView, datasetViewOf } from "./dataset-view.js";

const CURSOR_KIND = "dataset";

function positionAfter(after: string | null | undefined): number | undefined {
  if (after == null) return undefined;
  return decodeCursorInteger(CURSOR_KIND, after, MAX_SQL_INTEGER);
}

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => DatasetConnection, {
    description: "Datasets in plan order, filtered and paginated (at most 100 a page).",
  })
  async datasets(
    @Ctx() { store, loaders }: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => DatasetFilter, { nullable: true, description: "Conditions the datasets must meet." }) filter?: DatasetFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 1 to 100, default 20." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the edge to start after." }) after?: string | null,
  ): Promise<DatasetConnection> {
    const size = pageSize(first);
    const page = await findDatasets(store.prisma, {
      agency: filter?.agency,
      updateFrequency: filter?.updateFrequency,
      format: filter?.format,
      status: filter?.status,
      statusMonth: monthOfDate(filter?.asOf ? isoDate(filter.asOf) : todayInHongKong()),
      search: filter?.search,
      afterPosition: positionAfter(after),
      first: size,
      // The count is a statement of its own: only when the client asked for it.
      withTotalCount: selectedFields(info).some((field) => field.name.value === "totalCount"),
    });
    // Prime the per-request cache so entity lookups of these datasets cost nothing more.
    for (const dataset of page.datasets) loaders.datasetById.prime(dataset.id, dataset);
    return {
      totalCount: page.totalCount ?? 0, // null only when the query does not select totalCount
      ...connectionOf(page.datasets, (dataset) => encodeCursor(CURSOR_KIND, dataset.position), page.hasNextPage, (dataset) => dataset as Dataset),
    };
  }

  @Query(() => Dataset, { nullable: true, description: "One dataset by its id, or null if there is none." })
  dataset(@Arg("id", () => ID, { description: "The dataset's slug." }) id: string, @Ctx() { loaders }: GraphContext): Promise<Dataset | null> {
    return loaders.datasetById.load(id) as Promise<Dataset | null>;
  }

  @FieldResolver(() => String, { description: "Title in the language asked for (Chinese as in the plan)." })
  title(@Root() dataset: Dataset, @Arg("lang", () => Language, { nullable: true, defaultValue: Language.EN, description: "Language of the text." }) lang: Language | null): string {
    return localised(lang, dataset.titleEn, dataset.titleZh);
  }

  @FieldResolver(() => Agency, { description: "The agency that publishes the dataset." })
  async agency(@Root() dataset: Dataset, @Ctx() { loaders }: GraphContext): Promise<Agency> {
    return (await loaders.agencyByCode.load(dataset.agencyCode)) as Agency;
  }

  @FieldResolver(() => [DataFormat], { description: "Every format any of its releases is published in." })
  async formats(@Root() dataset: Dataset, @Ctx() { loaders }: GraphContext): Promise<DataFormat[]> {
    const releases = await loaders.releasesByDatasetId.load(dataset.id);
    const formats = new Set([...dataset.formats, ...releases.flatMap((release) => release.formats)]);
    return Object.values(DataFormat).filter((format) => formats.has(format));
  }

  @FieldResolver(() => [Release], { description: "Its releases, oldest first." })
  releases(@Root() dataset: Dataset, @Ctx() { loaders }: GraphContext): Promise<Release[]> {
    return loaders.releasesByDatasetId.load(dataset.id) as Promise<Release[]>;
  }

  @FieldResolver(() => DatasetView, {
    nullable: true,
    description:
      "The dataset's records as typed objects, for the datasets that have a typed model; null otherwise. " +
      nullWhenUnanswered("publishing agency's"),
  })
  view(@Root() dataset: Dataset): { datasetId: string } | null {
    return datasetViewOf(dataset.id);
  }
}
