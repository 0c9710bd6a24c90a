import { chpCovid19Buildings, DateTimeScalar } from "@hkhealth/plan";
import { aggregateRecords, countRecords, findRecords, type FieldFilter, type RecordSettings } from "@hkhealth/store";
import { connectionOf, decodeCursorInteger, encodeCursor, pageSize, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { parseCovidBuilding } from "./building.js";
import { CovidBuildingConnection, CovidBuildingDistrictCount } from "./building-connection.js";
import { CovidBuildingView } from "./building-view.js";

const buildingColumns = chpCovid19Buildings.fields;

const CURSOR_KIND = "covid-building";

/**
 * The list is a snapshot dataset, so the store's record queries already answer it as the list
 * in force (the latest, or the one at `asOf`); null until a list has been ingested.
 */
async function listSettings(context: GraphContext, datasetId: string): Promise<RecordSettings | null> {
  const settings = await context.records.recordSettings.load(datasetId);
  const listed = settings?.fields.some((field) => field.name === buildingColumns.district) ?? false;
  return listed ? settings : null;
}

function buildingFilters(district: string | null | undefined, search: string | null | undefined): FieldFilter[] {
  return [
    ...(district != null ? [{ field: buildingColumns.district, eq: district }] : []),
    ...(search != null && search.trim() !== "" ? [{ field: buildingColumns.buildingName, contains: search.trim() }] : []),
  ];
}

function recordIdAfter(after: string | null | undefined): string | undefined {
  if (after == null) return undefined;
  return String(decodeCursorInteger(CURSOR_KIND, after));
}

@Resolver(() => CovidBuildingView)
export class CovidBuildingViewResolver {
  @FieldResolver(() => CovidBuildingConnection, { description: "Buildings of the list in force, in the list's order (at most 100 a page)." })
  async buildings(
    @Root() view: CovidBuildingView,
    @Ctx() context: GraphContext,
    @Arg("district", () => String, { nullable: true, description: 'Only this district, as published ("Sha Tin").' }) district?: string | null,
    @Arg("search", () => String, { nullable: true, description: "Only buildings whose name contains this text, ignoring case." }) search?: string | null,
    @Arg("asOf", () => DateTimeScalar, { nullable: true, description: "The list in force at this time; the latest by default." }) asOf?: Date | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 1 to 100, default 20." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the edge to start after." }) after?: string | null,
  ): Promise<CovidBuildingConnection> {
    const size = pageSize(first);
    const afterId = recordIdAfter(after);
    const settings = await listSettings(context, view.datasetId);
    if (!settings) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, countTotal: async () => 0 };
    const filter = buildingFilters(district, search);
    const page = await findRecords(context.store.prisma, settings, { asOf, filter, first: size, ...(afterId ? { afterId } : {}) });
    return {
      // A record that is no building is left out; the next page still starts after it.
      ...connectionOf(page.records, (record) => encodeCursor(CURSOR_KIND, record.id), page.hasNextPage, (record) =>
        parseCovidBuilding({ datasetId: view.datasetId, ingestionId: record.ingestionId }, record.fields),
      ),
      countTotal: () => countRecords(context.store.prisma, settings, { asOf, filter }),
    };
  }

  @FieldResolver(() => [CovidBuildingDistrictCount], { description: "Buildings of the list in force per district, counted in PostgreSQL, by district name." })
  async countsByDistrict(
    @Root() view: CovidBuildingView,
    @Ctx() context: GraphContext,
    @Arg("asOf", () => DateTimeScalar, { nullable: true, description: "The list in force at this time; the latest by default." }) asOf?: Date | null,
  ): Promise<CovidBuildingDistrictCount[]> {
    const settings = await listSettings(context, view.datasetId);
    if (!settings) return [];
    const groups = await aggregateRecords(context.store.prisma, settings, { groupBy: [buildingColumns.district], aggregates: [], asOf });
    return groups.flatMap((group) => {
      const district = group.key[buildingColumns.district];
      return typeof district === "string" ? [{ district, count: group.count }] : [];
    });
  }
}

@Resolver(() => CovidBuildingConnection)
export class CovidBuildingConnectionResolver {
  @FieldResolver(() => Int, { description: "Number of buildings matching, across all pages (counted only when asked for)." })
  totalCount(@Root() connection: CovidBuildingConnection): Promise<number> {
    return connection.countTotal();
  }
}
