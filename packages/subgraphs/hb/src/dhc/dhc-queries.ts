import { dhcExpressMainCentres, districtHealthCentreFields } from "@hkhealth/plan";
import { latestSnapshotRecords, type PrismaClient } from "@hkhealth/store";
import { comparableName, fieldNumber, fieldText, SqlParams } from "../shared/sql.js";
import { DistrictHealthCentreKind, type DistrictHealthCentre } from "./district-health-centre.js";

const DHC_EXPRESS_MAIN_CENTRES = dhcExpressMainCentres.id;
const dhcLayout = districtHealthCentreFields;

/** One list of centres: a dataset's latest file, optionally in one district. */
export interface CentresKey {
  readonly datasetId: string;
  readonly district: string | null;
}

type CentreRow = Omit<DistrictHealthCentre, "kind" | "nameText" | "districtText" | "addressText" | "openingHoursText"> & {
  readonly key: number;
  readonly nameEn: string | null;
  readonly nameZh: string | null;
  readonly districtEn: string | null;
  readonly districtZh: string | null;
  readonly addressEn: string | null;
  readonly addressZh: string | null;
  readonly openingHoursEn: string | null;
  readonly openingHoursZh: string | null;
};

/**
 * The centres of each key in one statement: the latest snapshot of every dataset asked for,
 * joined to the keys, with the district matched in PostgreSQL (English or Chinese name, case and
 * a trailing "District"/"區" ignored). Lists come back in the published order.
 */
export async function findCentres(prisma: PrismaClient, keys: readonly CentresKey[]): Promise<DistrictHealthCentre[][]> {
  const params = new SqlParams();
  const snapshots = latestSnapshotRecords({ datasetIds: [...new Set(keys.map((key) => key.datasetId))] }, params);
  const wanted =
    `unnest(${params.add(keys.map((key) => key.datasetId), "text[]")}, ${params.add(keys.map((key) => key.district), "text[]")},` +
    ` ${params.add(keys.map((_, index) => index), "int[]")}) AS k("datasetId", district, key)`;
  const inDistrict = (language: "en" | "zh") => `${comparableName(fieldText(dhcLayout.district[language]))} = ${comparableName("k.district")}`;
  const sql =
    `SELECT k.key, r.id::text AS id, r."datasetId", r."ingestionId",` +
    ` ${fieldText(dhcLayout.name.en)} AS "nameEn", ${fieldText(dhcLayout.name.zh)} AS "nameZh",` +
    ` ${fieldText(dhcLayout.district.en)} AS "districtEn", ${fieldText(dhcLayout.district.zh)} AS "districtZh",` +
    ` ${fieldText(dhcLayout.address.en)} AS "addressEn", ${fieldText(dhcLayout.address.zh)} AS "addressZh",` +
    ` ${fieldText(dhcLayout.openingHours.en)} AS "openingHoursEn", ${fieldText(dhcLayout.openingHours.zh)} AS "openingHoursZh",` +
    ` ${fieldText(dhcLayout.telephone)} AS telephone, ${fieldText(dhcLayout.website)} AS website,` +
    ` ${fieldNumber(dhcLayout.latitude)} AS latitude, ${fieldNumber(dhcLayout.longitude)} AS longitude` +
    ` FROM ${snapshots} JOIN ${wanted} ON k."datasetId" = r."datasetId"` +
    ` WHERE k.district IS NULL OR ${inDistrict("en")} OR ${inDistrict("zh")}` +
    ` ORDER BY k.key, r.resource, r.ordinal`;
  const rows = await prisma.$queryRawUnsafe<CentreRow[]>(sql, ...params.values);
  const lists = keys.map((): DistrictHealthCentre[] => []);
  for (const row of rows) lists[row.key]?.push(centreOf(row));
  return lists;
}

function centreOf(row: CentreRow): DistrictHealthCentre {
  return {
    id: row.id,
    datasetId: row.datasetId,
    ingestionId: row.ingestionId,
    kind: row.datasetId === DHC_EXPRESS_MAIN_CENTRES ? DistrictHealthCentreKind.EXPRESS : DistrictHealthCentreKind.CENTRE,
    nameText: { en: row.nameEn, zh: row.nameZh },
    districtText: { en: row.districtEn, zh: row.districtZh },
    addressText: { en: row.addressEn, zh: row.addressZh },
    openingHoursText: { en: row.openingHoursEn, zh: row.openingHoursZh },
    telephone: row.telephone,
    website: row.website,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}
