import { Language } from "@hkhealth/plan";
import { AgencyProfileBase, agencyProfileTypeName } from "@hkhealth/subgraph-kit";
import { Arg, Directive, Field, ObjectType } from "type-graphql";
import { AgencyCode } from "@hkhealth/plan";

@ObjectType({ description: "One of the Hospital Authority's seven hospital clusters (醫院聯網)." })
export class HospitalCluster {
  @Field(() => String, { description: 'Short code, e.g. "KC".' })
  code!: string;

  nameEn!: string;
  nameZh!: string;
  /** Simplified Chinese, as the -sc files write it. */
  nameZhHans!: string;

  @Field(() => String, { name: "name", description: "Name of the cluster, as HA's own data files spell it." })
  localisedName(@Arg("lang", () => Language, { nullable: true, defaultValue: Language.EN, description: "Language of the name." }) lang: Language | null): string {
    return lang === Language.ZH_HANT ? this.nameZh : this.nameEn;
  }
}

@ObjectType(agencyProfileTypeName[AgencyCode.HA], { description: "The Hospital Authority (醫院管理局) as its subgraph knows it." })
@Directive('@key(fields: "code")')
export class HospitalAuthorityProfile extends AgencyProfileBase {
  @Field(() => [HospitalCluster], { description: "The hospital clusters public hospitals and clinics are grouped in." })
  clusters!: HospitalCluster[];
}

function cluster(code: string, nameEn: string, nameZh: string, nameZhHans: string): HospitalCluster {
  return Object.assign(new HospitalCluster(), { code, nameEn, nameZh, nameZhHans });
}

export const hospitalAuthorityProfile: HospitalAuthorityProfile = Object.assign(new HospitalAuthorityProfile(), {
  code: AgencyCode.HA,
  website: "https://www.ha.org.hk",
  agency: { code: AgencyCode.HA },
  // Names as in HA's facility directory (facility-hosp.json: cluster_eng / cluster_tc).
  clusters: [
    cluster("HKE", "Hong Kong East Cluster", "港島東醫院聯網", "港岛东医院联网"),
    cluster("HKW", "Hong Kong West Cluster", "港島西醫院聯網", "港岛西医院联网"),
    cluster("KC", "Kowloon Central Cluster", "九龍中醫院聯網", "九龙中医院联网"),
    cluster("KE", "Kowloon East Cluster", "九龍東醫院聯網", "九龙东医院联网"),
    cluster("KW", "Kowloon West Cluster", "九龍西醫院聯網", "九龙西医院联网"),
    cluster("NTE", "New Territories East Cluster", "新界東醫院聯網", "新界东医院联网"),
    cluster("NTW", "New Territories West Cluster", "新界西醫院聯網", "新界西医院联网"),
  ],
});
