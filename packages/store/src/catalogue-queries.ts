import { ReleaseStatus, type AgencyCode, type DataFormat, type UpdateFrequency } from "@hkhealth/plan";
import type { Prisma, PrismaClient } from "./generated/prisma/client.js";
import type { Dataset } from "./generated/prisma/client.js";
import { rowsToFetch, splitPage } from "./records/page.js";

export interface DatasetQuery {
  readonly agency?: AgencyCode | undefined;
  readonly updateFrequency?: UpdateFrequency | undefined;
  readonly format?: DataFormat | undefined;
  readonly status?: ReleaseStatus | undefined;
  /** "YYYY-MM" the status is judged on. */
  readonly statusMonth: string;
  readonly search?: string | undefined;
  /** Return datasets after this plan position. */
  readonly afterPosition?: number | undefined;
  readonly first: number;
  /** Count the datasets matching the filter across all pages (a second statement); default true. */
  readonly withTotalCount?: boolean | undefined;
}

export interface DatasetPage {
  /** Null when not asked for (`withTotalCount: false`). */
  readonly totalCount: number | null;
  readonly datasets: Dataset[];
  readonly hasNextPage: boolean;
}

/** Releases in `status` as of `month`: the SQL form of `releaseStatus` in @hkhealth/plan. */
export function releaseStatusWhere(status: ReleaseStatus, month: string): Prisma.ReleaseWhereInput {
  const notReleased: Prisma.ReleaseWhereInput = { OR: [{ releasedMonth: null }, { releasedMonth: { gt: month } }] };
  switch (status) {
    case ReleaseStatus.RELEASED:
      return { releasedMonth: { not: null, lte: month } };
    case ReleaseStatus.PLANNED:
      return { AND: [notReleased, { month: { gt: month } }] };
    case ReleaseStatus.DUE:
      return { AND: [notReleased, { month: { lte: month } }] };
  }
}

function datasetWhere(query: DatasetQuery): Prisma.DatasetWhereInput {
  const and: Prisma.DatasetWhereInput[] = [];
  // A plan dataset's formats are its releases'; a registered one lists its own.
  if (query.format) and.push({ OR: [{ formats: { has: query.format } }, { releases: { some: { formats: { has: query.format } } } }] });
  if (query.status) and.push({ releases: { some: releaseStatusWhere(query.status, query.statusMonth) } });
  if (query.agency) and.push({ agencyCode: query.agency });
  if (query.updateFrequency) and.push({ updateFrequency: query.updateFrequency });
  const search = query.search?.trim();
  if (search) {
    const contains = { contains: search, mode: "insensitive" as const };
    and.push({
      OR: [
        { titleZh: contains },
        { titleEn: contains },
        { planName: contains },
        { releases: { some: { OR: [{ descriptionZh: contains }, { descriptionEn: contains }] } } },
      ],
    });
  }
  return { AND: and };
}

/** One page of datasets in plan order, with the total count under the same filter (unless not wanted). */
export async function findDatasets(prisma: PrismaClient, query: DatasetQuery): Promise<DatasetPage> {
  const where = datasetWhere(query);
  const [totalCount, rows] = await Promise.all([
    query.withTotalCount === false ? null : prisma.dataset.count({ where }),
    prisma.dataset.findMany({
      where: query.afterPosition === undefined ? where : { AND: [where, { position: { gt: query.afterPosition } }] },
      orderBy: { position: "asc" },
      take: rowsToFetch(query.first),
    }),
  ]);
  const page = splitPage(rows, query.first);
  return { totalCount, datasets: page.rows, hasNextPage: page.hasNextPage };
}
