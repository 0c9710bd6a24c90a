import { connectionOf, decodeCursorInteger, encodeCursor, MAX_SQL_INTEGER, pageSize, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { CovidCase } from "./case.js";
import { CovidCaseConnection } from "./case-connection.js";
import { CovidCaseCount } from "./case-count.js";
import { CovidCaseDimension } from "./case-dimension.js";
import { CovidCaseFilter } from "./case-filter.js";
import { countCases, countCasesBy, findCases } from "./case-queries.js";
import { CovidCaseView } from "./case-view.js";

const CURSOR_KIND = "covid-case";

function caseNumberAfter(after: string | null | undefined): number | undefined {
  if (after == null) return undefined;
  return decodeCursorInteger(CURSOR_KIND, after, MAX_SQL_INTEGER);
}

@Resolver(() => CovidCaseView)
export class CovidCaseViewResolver {
  @FieldResolver(() => CovidCaseConnection, { description: "The cases matching the filter, in case number order (at most 100 a page)." })
  async cases(
    @Root() view: CovidCaseView,
    @Ctx() context: GraphContext,
    @Arg("filter", () => CovidCaseFilter, { nullable: true, description: "Conditions the cases must meet." }) filter?: CovidCaseFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 1 to 100, default 20." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the edge to start after." }) after?: string | null,
  ): Promise<CovidCaseConnection> {
    const size = pageSize(first);
    const afterCaseNumber = caseNumberAfter(after);
    const page = await findCases(context, view.datasetId, { filter, first: size, ...(afterCaseNumber !== undefined ? { afterCaseNumber } : {}) });
    return {
      ...connectionOf(page.cases, (node) => encodeCursor(CURSOR_KIND, node.caseNumber), page.hasNextPage),
      countTotal: () => countCases(context, view.datasetId, filter),
    };
  }

  @FieldResolver(() => CovidCase, { nullable: true, description: "One case by its number, or null if the list has none." })
  async case(
    @Root() view: CovidCaseView,
    @Ctx() context: GraphContext,
    @Arg("caseNumber", () => Int, { description: "CHP's case number." }) caseNumber: number,
  ): Promise<CovidCase | null> {
    const page = await findCases(context, view.datasetId, { first: 1, caseNumber });
    return page.cases[0] ?? null;
  }

  @FieldResolver(() => [CovidCaseCount], {
    description: "Cases counted per combination of the dimensions' values (none: one count of all), computed in PostgreSQL.",
  })
  counts(
    @Root() view: CovidCaseView,
    @Ctx() context: GraphContext,
    @Arg("groupBy", () => [CovidCaseDimension], { description: "Dimensions whose values form the groups." }) groupBy: CovidCaseDimension[],
    @Arg("filter", () => CovidCaseFilter, { nullable: true, description: "Conditions the cases counted must meet." }) filter?: CovidCaseFilter | null,
  ): Promise<CovidCaseCount[]> {
    return countCasesBy(context, view.datasetId, groupBy, filter);
  }
}

@Resolver(() => CovidCaseConnection)
export class CovidCaseConnectionResolver {
  @FieldResolver(() => Int, { description: "Number of cases matching the filter, across all pages (counted only when asked for)." })
  totalCount(@Root() connection: CovidCaseConnection): Promise<number> {
    return connection.countTotal();
  }
}
