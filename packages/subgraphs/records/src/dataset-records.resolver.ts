import {
  DataRecord,
  DateTimeScalar,
  FieldFilterInput,
  FieldOrderInput,
  RecordConnection,
  RecordField,
  RecordGroup,
  TimeGroupingInput,
  type FieldType,
} from "@hkhealth/plan";
import { aggregateRecords, countRecords, findRecords, RecordQueryError, type RecordRow, type RecordSettings } from "@hkhealth/store";
import {
  answeredBy,
  connectionOf,
  decodeCursorInteger,
  encodeCursor,
  MAX_RECORD_PAGE_SIZE,
  MAX_SQL_INTEGER,
  pageSize,
  userInputError,
  type GraphContext,
} from "@hkhealth/subgraph-kit";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Info, Int, ObjectType, Resolver, Root } from "type-graphql";
import { requestedAggregates } from "./aggregate-selection.js";

/** The plan subgraph's Dataset, extended here with its records. */
@ObjectType("Dataset", { description: "A dataset named in the Open Data Plan, or registered beside it." })
@Directive('@key(fields: "id")')
export class RecordsDataset {
  @Field(() => ID, { description: 'Stable slug, e.g. "ha-aed-waiting-time".' })
  id!: string;
}

/** Runs a store call, turning a client mistake into a BAD_USER_INPUT error. */
async function asUserInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RecordQueryError) throw userInputError(error.message);
    throw error;
  }
}

const ID_CURSOR = "record";
const OFFSET_CURSOR = "record-offset";

async function settingsOf(dataset: RecordsDataset, context: GraphContext): Promise<RecordSettings> {
  const settings = await context.records.recordSettings.load(dataset.id);
  if (!settings) throw userInputError(`No dataset "${dataset.id}"`);
  return settings;
}

@Resolver(() => RecordsDataset)
export class DatasetRecordsResolver {
  @FieldResolver(
    () => RecordConnection,
    answeredBy(
      "records",
      "The dataset's records. Without asOf/from/to: a snapshot dataset's latest snapshot, a cumulative one's every record. " +
        "Filtering, sorting and counting run in PostgreSQL.",
    ),
  )
  async records(
    @Root() dataset: RecordsDataset,
    @Ctx() context: GraphContext,
    @Arg("filter", () => [FieldFilterInput], { nullable: true, description: "Conditions on fields; all must hold." }) filter?: FieldFilterInput[] | null,
    @Arg("orderBy", () => [FieldOrderInput], { nullable: true, description: "Sort keys, in order; file order by default." }) orderBy?: FieldOrderInput[] | null,
    @Arg("first", () => Int, { nullable: true, description: `Page size: 1 to ${MAX_RECORD_PAGE_SIZE}, default 20.` }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the edge to start after." }) after?: string | null,
    @Arg("asOf", () => DateTimeScalar, { nullable: true, description: "The snapshot in force at this time (latest observation at or before it)." }) asOf?: Date | null,
    @Arg("from", () => DateTimeScalar, { nullable: true, description: "Records observed at or after this time (all snapshots in the window)." }) from?: Date | null,
    @Arg("to", () => DateTimeScalar, { nullable: true, description: "Records observed at or before this time." }) to?: Date | null,
  ): Promise<RecordConnection> {
    const settings = await settingsOf(dataset, context);
    const size = pageSize(first, MAX_RECORD_PAGE_SIZE);
    const customOrder = (orderBy?.length ?? 0) > 0;
    const offset = customOrder && after ? decodeCursorInteger(OFFSET_CURSOR, after, MAX_SQL_INTEGER) : 0;
    const afterId = !customOrder && after ? String(decodeCursorInteger(ID_CURSOR, after)) : undefined;
    const window = { asOf, from, to };
    const page = await asUserInput(() =>
      findRecords(context.store.prisma, settings, { ...window, filter, orderBy, first: size, offset, ...(afterId ? { afterId } : {}) }),
    );
    const cursorOf = (record: RecordRow, index: number) =>
      customOrder ? encodeCursor(OFFSET_CURSOR, offset + index + 1) : encodeCursor(ID_CURSOR, record.id);
    return {
      ...connectionOf(page.records, cursorOf, page.hasNextPage, (record) => record as DataRecord),
      countTotal: () => asUserInput(() => countRecords(context.store.prisma, settings, { ...window, filter })),
    };
  }

  @FieldResolver(
    () => [RecordGroup],
    answeredBy(
      "records",
      "Records grouped by the values of `groupBy` fields and the time parts of `groupByTime` (none: one group of all), with count, sum, avg, median, min and max computed in PostgreSQL.",
    ),
  )
  async recordAggregate(
    @Root() dataset: RecordsDataset,
    @Ctx() context: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("groupBy", () => [String], { description: "Fields whose values form the groups." }) groupBy: string[],
    @Arg("groupByTime", () => [TimeGroupingInput], {
      nullable: true,
      description: 'Parts of fields\' times that form the groups as well, in Hong Kong time: `{ field: "updateTime", part: HOUR_OF_DAY }`.',
    })
    groupByTime?: TimeGroupingInput[] | null,
    @Arg("filter", () => [FieldFilterInput], { nullable: true, description: "Conditions on fields; all must hold." }) filter?: FieldFilterInput[] | null,
    @Arg("asOf", () => DateTimeScalar, { nullable: true, description: "The snapshot in force at this time." }) asOf?: Date | null,
    @Arg("from", () => DateTimeScalar, { nullable: true, description: "Records observed at or after this time." }) from?: Date | null,
    @Arg("to", () => DateTimeScalar, { nullable: true, description: "Records observed at or before this time." }) to?: Date | null,
  ): Promise<RecordGroup[]> {
    const settings = await settingsOf(dataset, context);
    return asUserInput(() =>
      aggregateRecords(context.store.prisma, settings, { groupBy, groupByTime, filter, asOf, from, to, aggregates: requestedAggregates(info) }),
    );
  }

  @FieldResolver(() => [RecordField], answeredBy("records", "The fields seen in the dataset's records, with the type their values agree on."))
  async fields(@Root() dataset: RecordsDataset, @Ctx() context: GraphContext): Promise<RecordField[]> {
    const settings = await settingsOf(dataset, context);
    return settings.fields.map((field) => ({ ...field, type: field.type as FieldType }));
  }
}
