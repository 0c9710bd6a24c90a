import { answeredBy, connectionOf, cursorInteger, cursorText, DatasetReference, decodeCursor, encodeCursor, MAX_SQL_INTEGER, pageSize, userInputError, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { recordLinksResolver } from "@hkhealth/subgraph-kit";
import { VaccinationDimension } from "./enums.js";
import { VaccinationDoses, VaccinationDosesConnection } from "./vaccination-doses.js";
import { VaccinationFilter } from "./vaccination-filter.js";
import { countVaccinationDoses, findVaccinationDoses, vaccinationTotals, type DosesPosition } from "./vaccination-queries.js";
import { VaccinationTotal } from "./vaccination-total.js";
import { VaccinationByAgeView } from "./vaccination-view.js";

const CURSOR_KIND = "vaccination-doses";

function positionAfter(after: string | null | undefined): DosesPosition | undefined {
  if (after == null) return undefined;
  let position: unknown;
  try {
    position = JSON.parse(decodeCursor(CURSOR_KIND, after));
  } catch {
    position = undefined;
  }
  if (!Array.isArray(position) || position.length !== 4 || !Number.isInteger(position[3])) {
    throw userInputError(`"after" is not a cursor this list gave out: ${JSON.stringify(after)}`, { argument: "after" });
  }
  const [date, ageGroup, sex, column] = position as unknown[];
  return [cursorText(date, after), cursorText(ageGroup, after), cursorText(sex, after), cursorInteger(String(column), after, MAX_SQL_INTEGER)];
}

const filterArgument = { nullable: true, description: "Conditions on the doses; all must hold." } as const;
const groupByArgument = { description: "Dimensions whose values form the groups; none gives one total." } as const;

@Resolver(() => VaccinationByAgeView)
export class VaccinationByAgeViewResolver {
  @FieldResolver(() => DatasetReference, answeredBy("plan", "The dataset this view types."))
  dataset(@Root() view: VaccinationByAgeView): DatasetReference {
    return { id: view.datasetId };
  }

  @FieldResolver(() => VaccinationDosesConnection, {
    description: "Doses by day, age group, sex, vaccine and dose number, one object per cell of the published rows; unpivoted and paged in PostgreSQL.",
  })
  async doses(
    @Ctx() { store }: GraphContext,
    @Arg("filter", () => VaccinationFilter, filterArgument) filter?: VaccinationFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 1 to 100, default 20." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the edge to start after." }) after?: string | null,
  ): Promise<VaccinationDosesConnection> {
    const size = pageSize(first);
    const page = await findVaccinationDoses(store.prisma, { filter, first: size, after: positionAfter(after) });
    return {
      ...connectionOf(page.doses, ({ position }) => encodeCursor(CURSOR_KIND, JSON.stringify(position)), page.hasNextPage, ({ node }) => node),
      countTotal: () => countVaccinationDoses(store.prisma, filter),
    };
  }

  @FieldResolver(() => [VaccinationTotal], {
    description: "Doses summed in PostgreSQL by any combination of date, age group, sex, vaccine and dose number.",
  })
  totals(
    @Ctx() { store }: GraphContext,
    @Arg("groupBy", () => [VaccinationDimension], groupByArgument) groupBy: VaccinationDimension[],
    @Arg("filter", () => VaccinationFilter, filterArgument) filter?: VaccinationFilter | null,
  ): Promise<VaccinationTotal[]> {
    return vaccinationTotals(store.prisma, { groupBy, filter });
  }
}

@Resolver(() => VaccinationDosesConnection)
export class VaccinationDosesConnectionResolver {
  @FieldResolver(() => Int, { description: "Number of doses objects matching, across all pages (counted only when asked for)." })
  totalCount(@Root() connection: VaccinationDosesConnection): Promise<number> {
    return connection.countTotal();
  }
}

@Resolver()
export class VaccinationQueryResolver {
  @Query(() => [VaccinationTotal], answeredBy(
    "health-bureau",
    "COVID-19 vaccination doses (plan row D19) summed by any combination of date, age group, sex, vaccine and dose number, e.g. per age group for BioNTech in 2021.",
  ))
  vaccinationTotals(
    @Ctx() { store }: GraphContext,
    @Arg("groupBy", () => [VaccinationDimension], groupByArgument) groupBy: VaccinationDimension[],
    @Arg("filter", () => VaccinationFilter, filterArgument) filter?: VaccinationFilter | null,
  ): Promise<VaccinationTotal[]> {
    return vaccinationTotals(store.prisma, { groupBy, filter });
  }
}

export const VaccinationDosesLinksResolver = recordLinksResolver(VaccinationDoses);
