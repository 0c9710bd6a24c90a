import { chpCovid19Situation, DateScalar, isoDate } from "@hkhealth/plan";
import { latestPerKey, type LatestRow } from "@hkhealth/store";
import { userInputError, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { fieldText, queryRows, SqlParams } from "../sql.js";
import { CovidSituationDay, parseSituationDay } from "./situation-day.js";
import { CovidSituationView } from "./situation-view.js";

const situationColumns = chpCovid19Situation.fields;

const day = fieldText("r", situationColumns.date);

/** Situation days in date order, one row per day however many files repeat it. */
async function situationDays(context: GraphContext, datasetId: string, window: { from?: string; to?: string; latestOnly?: boolean }) {
  const params = new SqlParams();
  const keyConditions: string[] = [];
  if (window.from !== undefined) keyConditions.push(`${day} >= ${params.add(window.from)}`);
  if (window.to !== undefined) keyConditions.push(`${day} <= ${params.add(window.to)}`);
  const rows = latestPerKey(params, { tieBreak: "file", withoutNullKeys: true, datasetId, keys: [day], columns: [`${day} AS day`], keyConditions });
  const sql = `SELECT l."ingestionId", l.fields FROM ${rows} l ORDER BY l.day ${window.latestOnly ? "DESC LIMIT 1" : "ASC"}`;
  const found = await queryRows<Pick<LatestRow, "ingestionId" | "fields">>(context, sql, params);
  return found.flatMap((row) => parseSituationDay({ datasetId, ingestionId: row.ingestionId }, row.fields) ?? []);
}

@Resolver(() => CovidSituationView)
export class CovidSituationViewResolver {
  @FieldResolver(() => [CovidSituationDay], { description: "The days from `from` to `to` (both included, either open), in date order." })
  days(
    @Root() view: CovidSituationView,
    @Ctx() context: GraphContext,
    @Arg("from", () => DateScalar, { nullable: true, description: "First day, included." }) from?: Date | null,
    @Arg("to", () => DateScalar, { nullable: true, description: "Last day, included." }) to?: Date | null,
  ): Promise<CovidSituationDay[]> {
    if (from && to && from > to) throw userInputError(`"from" (${isoDate(from)}) is after "to" (${isoDate(to)})`, { argument: "from" });
    return situationDays(context, view.datasetId, {
      ...(from ? { from: isoDate(from) } : {}),
      ...(to ? { to: isoDate(to) } : {}),
    });
  }

  @FieldResolver(() => CovidSituationDay, { nullable: true, description: "The latest day reported; null before any file is ingested." })
  async latest(@Root() view: CovidSituationView, @Ctx() context: GraphContext): Promise<CovidSituationDay | null> {
    const [latest] = await situationDays(context, view.datasetId, { latestOnly: true });
    return latest ?? null;
  }
}
