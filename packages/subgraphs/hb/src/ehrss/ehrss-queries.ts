import { ehrssHealthcareProviders } from "@hkhealth/plan";
import { latestSnapshotRecords, rowsToFetch, splitPage, type PrismaClient } from "@hkhealth/store";
import { comparableName, fieldText, SqlParams } from "../shared/sql.js";
import type { EhrssProvider, EhrssProviderTypeCount } from "./ehrss-provider.js";

const ehrssLayout = ehrssHealthcareProviders.fields;

export interface ProviderFilter {
  /** A type's English or Chinese name. */
  readonly type?: string | null;
  /** A district's English or Chinese name. */
  readonly district?: string | null;
}

type Bilingual = { readonly en: string; readonly zh: string };

/** FROM and WHERE of the latest file's providers that pass the filter, names compared in PostgreSQL. */
function providersOf(datasetId: string, filter: ProviderFilter, params: SqlParams): string {
  const conditions = ["TRUE"];
  const matches = (field: Bilingual, value: string) => {
    const wanted = comparableName(params.add(value, "text"));
    return `(${comparableName(fieldText(field.en))} = ${wanted} OR ${comparableName(fieldText(field.zh))} = ${wanted})`;
  };
  if (filter.type != null) conditions.push(matches(ehrssLayout.type, filter.type));
  if (filter.district != null) conditions.push(matches(ehrssLayout.district, filter.district));
  return `FROM ${latestSnapshotRecords({ datasetIds: datasetId }, params)} WHERE ${conditions.join(" AND ")}`;
}

interface ProviderRow {
  readonly id: string;
  readonly datasetId: string;
  readonly ingestionId: number;
  readonly nameEn: string | null;
  readonly nameZh: string | null;
  readonly typeEn: string | null;
  readonly typeZh: string | null;
  readonly districtEn: string | null;
  readonly districtZh: string | null;
  readonly addressEn: string | null;
  readonly addressZh: string | null;
  readonly telephone: string | null;
}

/** One page of providers in published order, after the record id `afterId`; one statement. */
export async function findProviders(
  prisma: PrismaClient,
  datasetId: string,
  query: ProviderFilter & { readonly first: number; readonly afterId?: string | undefined },
): Promise<{ providers: EhrssProvider[]; hasNextPage: boolean }> {
  const params = new SqlParams();
  let from = providersOf(datasetId, query, params);
  if (query.afterId !== undefined) from += ` AND r.id > ${params.add(query.afterId, "bigint")}`;
  const sql =
    `SELECT r.id::text AS id, r."datasetId", r."ingestionId",` +
    ` ${fieldText(ehrssLayout.name.en)} AS "nameEn", ${fieldText(ehrssLayout.name.zh)} AS "nameZh",` +
    ` ${fieldText(ehrssLayout.type.en)} AS "typeEn", ${fieldText(ehrssLayout.type.zh)} AS "typeZh",` +
    ` ${fieldText(ehrssLayout.district.en)} AS "districtEn", ${fieldText(ehrssLayout.district.zh)} AS "districtZh",` +
    ` ${fieldText(ehrssLayout.address.en)} AS "addressEn", ${fieldText(ehrssLayout.address.zh)} AS "addressZh",` +
    ` ${fieldText(ehrssLayout.telephone)} AS telephone ${from} ORDER BY r.id LIMIT ${params.add(rowsToFetch(query.first), "int")}`;
  const rows = await prisma.$queryRawUnsafe<ProviderRow[]>(sql, ...params.values);
  const page = splitPage(rows, query.first);
  return { providers: page.rows.map(providerOf), hasNextPage: page.hasNextPage };
}

function providerOf(row: ProviderRow): EhrssProvider {
  return {
    id: row.id,
    datasetId: row.datasetId,
    ingestionId: row.ingestionId,
    nameText: { en: row.nameEn, zh: row.nameZh },
    typeText: { en: row.typeEn, zh: row.typeZh },
    districtText: { en: row.districtEn, zh: row.districtZh },
    addressText: { en: row.addressEn, zh: row.addressZh },
    telephone: row.telephone,
  };
}

/** How many providers pass the filter. */
export async function countProviders(prisma: PrismaClient, datasetId: string, filter: ProviderFilter): Promise<number> {
  const params = new SqlParams();
  const [row] = await prisma.$queryRawUnsafe<Array<{ count: number }>>(`SELECT count(*)::int AS count ${providersOf(datasetId, filter, params)}`, ...params.values);
  return row?.count ?? 0;
}

/** Providers counted per type in PostgreSQL, most numerous first. */
export async function countProvidersByType(prisma: PrismaClient, datasetId: string, filter: ProviderFilter): Promise<EhrssProviderTypeCount[]> {
  const params = new SqlParams();
  const sql =
    `SELECT ${fieldText(ehrssLayout.type.en)} AS "typeEn", ${fieldText(ehrssLayout.type.zh)} AS "typeZh", count(*)::int AS count` +
    ` ${providersOf(datasetId, filter, params)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`;
  const rows = await prisma.$queryRawUnsafe<Array<{ typeEn: string | null; typeZh: string | null; count: number }>>(sql, ...params.values);
  return rows.map((row) => ({ count: row.count, typeText: { en: row.typeEn, zh: row.typeZh } }));
}
