import { DateTimeScalar, PublishedLanguage } from "@hkhealth/plan";
import { connectionOf, cursorInteger, decodeCursor, encodeCursor, MAX_RECORD_PAGE_SIZE, pageSize, userInputError, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { languageArg } from "../languages.js";
import { haLoaders, snapshotKey } from "../loaders.js";
import { AedHistoryArgs } from "./aed-history-args.js";
import { countAedHistory, findAedHistory } from "./aed-records.js";
import { AedWaitingTime, aedWaitingTimeOf } from "./aed-waiting-time.js";
import { AedWaitingTimeConnection } from "./aed-waiting-time-connection.js";
import { AedWaitingTimeView } from "./aed-waiting-time-view.js";

const HISTORY_CURSOR = "aed-history";

function historyCursor(waitingTime: AedWaitingTime): string {
  return encodeCursor(HISTORY_CURSOR, `${waitingTime.observedAt.toISOString()}|${waitingTime.recordId}`);
}

function afterPosition(cursor: string): { observedAt: Date; recordId: string } {
  const [instant = "", recordId = ""] = decodeCursor(HISTORY_CURSOR, cursor).split("|");
  const observedAt = new Date(instant);
  // Only what historyCursor writes: an instant that prints back the same, and a record id.
  if (Number.isNaN(observedAt.getTime()) || observedAt.toISOString() !== instant) {
    throw userInputError(`"after" is not a cursor this list gave out: ${JSON.stringify(cursor)}`, { argument: "after" });
  }
  return { observedAt, recordId: String(cursorInteger(recordId, cursor)) };
}

@Resolver(() => AedWaitingTimeView)
export class AedWaitingTimeViewResolver {
  @FieldResolver(() => [AedWaitingTime], {
    description:
      "Every hospital's waiting times in the latest snapshot of one language, or the one in force at `asOf`, in feed order: of the current and the legacy feed, the newer snapshot (the current one at the same instant). Names that could not be linked to a hospital are in `unlinkedHospitalNames` instead.",
  })
  async latest(
    @Root() _view: AedWaitingTimeView,
    @Ctx() context: GraphContext,
    @Arg("asOf", () => DateTimeScalar, { nullable: true, description: "The snapshot in force at this time; the latest by default." }) asOf?: Date | null,
    @Arg("lang", () => PublishedLanguage, languageArg) lang?: PublishedLanguage | null,
  ): Promise<AedWaitingTime[]> {
    const snapshot = await haLoaders(context).aedSnapshot.load(snapshotKey(asOf, lang));
    return snapshot.waitingTimes.filter((waitingTime) => waitingTime.hospitalId !== null);
  }

  @FieldResolver(() => AedWaitingTimeConnection, { description: "One hospital's waiting times over time in one language's feeds, oldest first, in pages." })
  async history(
    @Root() _view: AedWaitingTimeView,
    @Ctx() context: GraphContext,
    @Args(() => AedHistoryArgs) { hospitalId, lang, from, to, first, after }: AedHistoryArgs,
  ): Promise<AedWaitingTimeConnection> {
    const loaders = haLoaders(context);
    const size = pageSize(first, MAX_RECORD_PAGE_SIZE);
    const position = after ? afterPosition(after) : null;
    if (!(await loaders.hospitalById.load(hospitalId))) throw userInputError(`No hospital "${hospitalId}" in the facility directory`, { argument: "hospitalId" });
    const links = await loaders.feedNameLinks();
    const hospitalNames = [...links.byName].filter(([, id]) => id === hospitalId).map(([name]) => name);
    const window = { hospitalNames, language: lang ?? PublishedLanguage.EN, from: from ?? null, to: to ?? null };
    const page = hospitalNames.length === 0 ? { rows: [], hasNextPage: false } : await findAedHistory(context.store.prisma, { ...window, first: size, after: position });
    const waitingTimes = page.rows.map((row) => aedWaitingTimeOf(row, hospitalId));
    return Object.assign(new AedWaitingTimeConnection(), {
      ...connectionOf(waitingTimes, historyCursor, page.hasNextPage),
      countTotal: () => (hospitalNames.length === 0 ? Promise.resolve(0) : countAedHistory(context.store.prisma, window)),
    });
  }

  @FieldResolver(() => [String], {
    description:
      "Hospital names the feeds have used, in any snapshot and language, that could not be linked to a hospital of the latest facility directory (reported rather than dropped).",
  })
  async unlinkedHospitalNames(@Root() _view: AedWaitingTimeView, @Ctx() context: GraphContext): Promise<string[]> {
    return [...(await haLoaders(context).feedNameLinks()).unlinked];
  }
}
