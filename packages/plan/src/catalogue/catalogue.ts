import { AgencyCode, DataFormat, UpdateFrequency } from "../model/enums.js";
import type { CatalogueAgency, CatalogueDataset, CatalogueRelease, PlanSection } from "./types.js";

/*
 * The Health Bureau's Open Data Plan 2022-2024 (醫務衛生局 2022至2024年的開放數據計劃) as data.
 *
 * Every dataset and every release row of the plan is here, with its Chinese text exactly as the
 * plan prints it (HTML removed, one line per paragraph or sentence of a remarks cell). Datasets
 * are in the order of their first row in the plan; releases within a dataset, oldest first.
 * test/catalogue.test.ts checks this file against the document itself via parse-plan.ts.
 *
 * Agencies follow the project's assignment (the publisher on DATA.GOV.HK as far as known):
 * HA: C1-C5, D1-D5, D8-D11, D17; HB: A1, A2, D6, D12-D14, D18, D19; DH: B1, D7, D15, D16.
 * C2 and D2 are one dataset ("住院及日間住院病人服務量"): C2 plans a further release of it.
 */

export const catalogueAgencies: readonly CatalogueAgency[] = [
  { code: AgencyCode.HB, nameEn: "Health Bureau", nameZh: "醫務衛生局" },
  { code: AgencyCode.HA, nameEn: "Hospital Authority", nameZh: "醫院管理局" },
  { code: AgencyCode.DH, nameEn: "Department of Health", nameZh: "衞生署" },
];

/** The plan's category for all but one dataset (D19 names none). */
const MEDICAL_AND_HEALTH = "醫務衛生";

interface ReleaseSpec {
  readonly planRow: string;
  readonly month: string;
  readonly updateFrequency: UpdateFrequency;
  readonly formats: readonly DataFormat[];
  /** Lines of the remarks as written in the plan. */
  readonly zh: readonly string[];
  /** The same lines in English, one for one. */
  readonly en: readonly string[];
}

function release(spec: ReleaseSpec): CatalogueRelease {
  // Descriptions are translated line for line; a mismatch is a slip in this file.
  if (spec.zh.length !== spec.en.length) {
    throw new Error(`catalogue ${spec.planRow} ${spec.month}: ${spec.zh.length} Chinese lines, ${spec.en.length} English`);
  }
  return {
    planRow: spec.planRow,
    section: spec.planRow.charAt(0) as PlanSection,
    month: spec.month,
    updateFrequency: spec.updateFrequency,
    formats: spec.formats,
    descriptionZh: spec.zh.join("\n"),
    descriptionEn: spec.en.join("\n"),
  };
}

export const catalogueDatasets: readonly CatalogueDataset[] = [
  {
    id: "hb-dhc-main-centres",
    agency: AgencyCode.HB,
    planName: "醫務衛生/ 地區康健中心的主中心資料",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "地區康健中心的主中心資料",
    titleEn: "Main Centre Information of District Health Centres",
    releases: [
      release({
        planRow: "A1",
        month: "2022-01",
        updateFrequency: UpdateFrequency.AS_NEEDED,
        formats: [DataFormat.JSON],
        zh: [
          "以JSON格式提供地區康健中心的主中心資料。",
        ],
        en: [
          "Provides information on the main centres of the District Health Centres in JSON format.",
        ],
      }),
    ],
  },
  {
    id: "hb-dhc-express-main-centres",
    agency: AgencyCode.HB,
    planName: "醫務衛生/ 地區康健站的主中心資料",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "地區康健站的主中心資料",
    titleEn: "Main Centre Information of District Health Centre Expresses",
    releases: [
      release({
        planRow: "A2",
        month: "2022-01",
        updateFrequency: UpdateFrequency.AS_NEEDED,
        formats: [DataFormat.JSON],
        zh: [
          "以JSON格式提供地區康健站的主中心資料。",
        ],
        en: [
          "Provides information on the main centres of the District Health Centre Expresses in JSON format.",
        ],
      }),
    ],
  },
  {
    id: "dh-private-healthcare-facilities",
    agency: AgencyCode.DH,
    planName: "醫務衛生/ 領有有效牌照/獲豁免的私 營醫療機構的資料",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "領有有效牌照/獲豁免的私營醫療機構的資料",
    titleEn: "Information on Private Healthcare Facilities with Valid Licences/Exemptions",
    releases: [
      release({
        planRow: "B1",
        month: "2024-12",
        updateFrequency: UpdateFrequency.MONTHLY,
        formats: [DataFormat.JSON],
        zh: [
          "發放數據集的格式: JSON",
        ],
        en: [
          "Format of the released dataset: JSON",
        ],
      }),
    ],
  },
  {
    id: "ha-key-financial-information",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 醫院管理局的主要財務信息",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "醫院管理局的主要財務信息",
    titleEn: "Hospital Authority Key Financial Information",
    releases: [
      release({
        planRow: "C1",
        month: "2022-12",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "醫院管理局的主要收支項目",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Major income and expenditure items of the Hospital Authority",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-inpatient-services-volume",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 住院及日間住院病人服務量",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "住院及日間住院病人服務量",
    titleEn: "Inpatient and Day Inpatient Services Volume",
    releases: [
      release({
        planRow: "D2",
        month: "2017-12",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按專科及聯網/醫院劃分的醫院病床數目",
          "按聯網/醫院劃分的病人出院人次及死亡人數",
          "按聯網/醫院劃分的病人住院日次",
          "按聯網劃分的普通科住院病人的出院人次及死亡人數、病人住院日次、病床住用率及平均住院日數",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Number of hospital beds by specialty and cluster/hospital",
          "Number of discharges and deaths by cluster/hospital",
          "Number of patient days by cluster/hospital",
          "Number of discharges and deaths, patient days, bed occupancy rate and average length of stay for inpatients of general specialties by cluster",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
      release({
        planRow: "D2",
        month: "2019-08",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按年齡組別及性別劃分的病人出院人次及死亡人數",
          "按年齡組別及性別劃分的病人住院日次",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Number of discharges and deaths by age group and gender",
          "Number of patient days by age group and gender",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
      release({
        planRow: "C2",
        month: "2023-08",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按專職醫療部門及聯網/醫院劃分的專職醫療(住院及日間住院病人)就診人次",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Number of allied health (inpatient and day inpatient) attendances by allied health department and cluster/hospital",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-endoscopic-procedure-statistics",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 選定內窺鏡程序的統計數字",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "選定內窺鏡程序的統計數字",
    titleEn: "Statistics on Selected Endoscopic Procedures",
    releases: [
      release({
        planRow: "C3",
        month: "2024-08",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按聯網/醫院劃分的選定內窺鏡程序的統計數字",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Statistics on selected endoscopic procedures by cluster/hospital",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-cmctr-directory",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 中醫診所暨教研中心目錄",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "中醫診所暨教研中心目錄",
    titleEn: "Directory of Chinese Medicine Clinics cum Training and Research Centres",
    releases: [
      release({
        planRow: "C4",
        month: "2022-12",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "中醫診所暨教研中心的地理資訊資料",
          "注: 中醫診所暨教研中心由醫院管理局、非政府機構和本地大學, 以三方夥伴協作的模式營運, 並由非政府機構負責診所的日常運作",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Geographic information of the Chinese Medicine Clinics cum Training and Research Centres",
          "Note: The Chinese Medicine Clinics cum Training and Research Centres are operated under a tripartite collaboration model by the Hospital Authority, non-governmental organisations and local universities, with the non-governmental organisations responsible for the day-to-day operation of the clinics",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-cmctr-service-volume",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 中醫診所暨教研中心服務量",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "中醫診所暨教研中心服務量",
    titleEn: "Chinese Medicine Clinics cum Training and Research Centres Service Volume",
    releases: [
      release({
        planRow: "C5",
        month: "2023-12",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按中醫診所暨教研中心劃分的就診人次",
          "注: 中醫診所暨教研中心由醫院管理局、非政府機構和本地大學, 以三方夥伴協作的模式營運, 並由非政府機構負責診所的日常運作",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Number of attendances by Chinese Medicine Clinic cum Training and Research Centre",
          "Note: The Chinese Medicine Clinics cum Training and Research Centres are operated under a tripartite collaboration model by the Hospital Authority, non-governmental organisations and local universities, with the non-governmental organisations responsible for the day-to-day operation of the clinics",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-day-community-services-volume",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 日間及社康服務量",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "日間及社康服務量",
    titleEn: "Day and Community Services Volume",
    releases: [
      release({
        planRow: "D1",
        month: "2017-12",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按聯網/醫院劃分的急症室就診人次",
          "按主要專科及聯網/診所劃分的專科門診(臨床)就診人次",
          "按聯網/診所劃分的普通科門診、家庭醫學專科門診及基層醫療服務就診人次",
          "按專職醫療部門及聯網/診所劃分的專職醫療(門診)就診人次",
          "按聯網/醫院劃分的老人科日間醫院就診人次",
          "按聯網/醫院劃分的精神科日間醫院就診人次",
          "按聯網劃分的接受社康護士服務人次",
          "按聯網劃分的專職醫療(社區)就診人次",
          "按聯網劃分的接受精神科外展服務人次",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Number of accident and emergency attendances by cluster/hospital",
          "Number of specialist outpatient (clinical) attendances by major specialty and cluster/clinic",
          "Number of general outpatient attendances, family medicine specialist clinic attendances and primary care attendances by cluster/clinic",
          "Number of allied health (outpatient) attendances by allied health department and cluster/clinic",
          "Number of geriatric day hospital attendances by cluster/hospital",
          "Number of psychiatric day hospital attendances by cluster/hospital",
          "Number of community nurse attendances by cluster",
          "Number of allied health (community) attendances by cluster",
          "Number of psychiatric outreach attendances by cluster",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
      release({
        planRow: "D1",
        month: "2019-03",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按年齡組別及性別劃分的急症室就診人次",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Number of accident and emergency attendances by age group and gender",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
      release({
        planRow: "D1",
        month: "2020-03",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按年齡組別及性別劃分的專科門診(臨床)就診人次",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Number of specialist outpatient (clinical) attendances by age group and gender",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
      release({
        planRow: "D1",
        month: "2021-08",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按年齡組別及性別劃分的普通科門診、家庭醫學專科門診及基層醫療服務就診人次",
          "按聯網/醫院劃分的康復及紓緩治療日間服務就診人次",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Number of general outpatient attendances, family medicine specialist clinic attendances and primary care attendances by age group and gender",
          "Number of rehabilitation day and palliative care day attendances by cluster/hospital",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-facility-directory",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 醫院管理局轄下各醫院聯網 的醫院/機構/專科門診診所/ 普通科門診診所目錄",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "醫院管理局轄下各醫院聯網的醫院/機構/專科門診診所/ 普通科門診診所目錄",
    titleEn: "Directory of Hospitals/Institutions/Specialist Outpatient Clinics/General Outpatient Clinics of the Hospital Authority Clusters",
    releases: [
      release({
        planRow: "D3",
        month: "2017-12",
        updateFrequency: UpdateFrequency.QUARTERLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "醫院管理局轄下醫院/機構、專科門診診所及普通科門診診所的地理資訊資料",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Geographic information of hospitals/institutions, specialist outpatient clinics and general outpatient clinics under the Hospital Authority",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-manpower-fte",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 人手狀況 - 等同全職人員 數目",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "人手狀況 - 等同全職人員數目",
    titleEn: "Manpower Position - Number of Full-time Equivalent Staff",
    releases: [
      release({
        planRow: "D4",
        month: "2017-12",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "人手狀況 - 等同全職人員數目 (按聯網分類)",
          "人手狀況 - 等同全職人員數目 (按職員組別分類)",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Manpower position - number of full-time equivalent staff (by cluster)",
          "Manpower position - number of full-time equivalent staff (by staff group)",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-cancer-statistics",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 癌症統計數字",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "癌症統計數字",
    titleEn: "Cancer Statistics",
    releases: [
      release({
        planRow: "D5",
        month: "2017-12",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "自一九八三年起男性和女性整體癌症的新症數目、粗發病率及年齡標準化發病率",
          "自一九八三年起男性和女性整體癌症的死亡數目、粗死亡率及年齡標準化死亡率",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Number of new cases, crude incidence rate and age-standardised incidence rate of all cancers for males and females since 1983",
          "Number of deaths, crude mortality rate and age-standardised mortality rate of all cancers for males and females since 1983",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "hb-domestic-health-accounts",
    agency: AgencyCode.HB,
    planName: "醫務衛生/ 香港本地醫療衛生總開支帳 目",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "香港本地醫療衛生總開支帳目",
    titleEn: "Hong Kong's Domestic Health Accounts",
    releases: [
      release({
        planRow: "D6",
        month: "2017-12",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.XLSX, DataFormat.CSV],
        zh: [
          "按融資計劃、服務提供單位及服務功能劃分的預算本地醫療衛生總開支",
          "發放數據集的格式: XLSX 及 CSV",
        ],
        en: [
          "Estimated total health expenditure by financing scheme, provider and function",
          "Formats of the released dataset: XLSX and CSV",
        ],
      }),
    ],
  },
  {
    id: "dh-health-facts",
    agency: AgencyCode.DH,
    planName: "醫務衛生/ 香港主要醫療衛生統計數字",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "香港主要醫療衛生統計數字",
    titleEn: "Health Facts of Hong Kong",
    releases: [
      release({
        planRow: "D7",
        month: "2017-12",
        updateFrequency: UpdateFrequency.ANNUALLY,
        formats: [DataFormat.XLSX, DataFormat.CSV],
        zh: [
          "醫療衛生資源、人口及生命事件統計",
          "發放數據集的格式: XLSX 及 CSV",
        ],
        en: [
          "Statistics on health resources, population and vital events",
          "Formats of the released dataset: XLSX and CSV",
        ],
      }),
    ],
  },
  {
    id: "ha-aed-waiting-time",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 急症室等候時間",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "急症室等候時間",
    titleEn: "Accident and Emergency Department Waiting Time",
    releases: [
      release({
        planRow: "D8",
        month: "2018-12",
        updateFrequency: UpdateFrequency.EVERY_15_MINUTES,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "按醫院劃分的急症室等候時間",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Waiting time of accident and emergency departments by hospital",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-sopc-new-case-waiting-time",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 專科門診新症輪候時間",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "專科門診新症輪候時間",
    titleEn: "Waiting Time for New Case Bookings at Specialist Outpatient Clinics",
    releases: [
      release({
        planRow: "D9",
        month: "2019-01",
        updateFrequency: UpdateFrequency.QUARTERLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "統計數字包括專科門診診所的預約新症數目及相應的輪候時間中位數，分項數字將會按分流類別(緊急、半緊急及穩定)、聯網，以及專科劃分。另外，個別聯網及專科穩定新症輪候時間的第90個百分位數亦會提供。",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "The statistics include the number of new case bookings at specialist outpatient clinics and the corresponding median waiting time, broken down by triage category (urgent, semi-urgent and stable), cluster and specialty. In addition, the 90th percentile waiting time of stable new cases is provided for individual clusters and specialties.",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-gopc-consultation-quota",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 普通科門診診所診症名額 (籌額)",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "普通科門診診所診症名額 (籌額)",
    titleEn: "General Outpatient Clinic Consultation Quota",
    releases: [
      release({
        planRow: "D10",
        month: "2019-01",
        updateFrequency: UpdateFrequency.WEEKLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "提供各間普通科門診診所於一週內的平均診症名額(籌額)。該平均值是根據最近四星期的名額計算的。",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Provides the average number of consultation quotas (discs) of each general outpatient clinic over one week. The average is calculated from the quotas of the most recent four weeks.",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "ha-elective-surgery-statistics",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 預約手術服務統計數字",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "預約手術服務統計數字",
    titleEn: "Statistics on Elective Surgery Services",
    releases: [
      release({
        planRow: "D11",
        month: "2019-07",
        updateFrequency: UpdateFrequency.QUARTERLY,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "提供各個聯網白內障手術和全關節置換術手術輪候宗數、已完成手術宗數及輪候時間的統計數字。",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Provides statistics, by cluster, on the number of cases waiting for cataract surgery and total joint replacement surgery, the number of operations completed and the waiting time.",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "hb-vhis-providers",
    agency: AgencyCode.HB,
    planName: "醫務衛生/ 自願醫保的產品提供者名單",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "自願醫保的產品提供者名單",
    titleEn: "List of Providers of the Voluntary Health Insurance Scheme",
    releases: [
      release({
        planRow: "D12",
        month: "2019-04",
        updateFrequency: UpdateFrequency.AS_NEEDED,
        formats: [DataFormat.JSON, DataFormat.CSV],
        zh: [
          "以JSON及CSV格式提供已註冊成為自願醫保計劃的產品提供者的保險公司名單。",
        ],
        en: [
          "Provides, in JSON and CSV formats, the list of insurance companies registered as providers under the Voluntary Health Insurance Scheme.",
        ],
      }),
    ],
  },
  {
    id: "hb-vhis-certified-plans",
    agency: AgencyCode.HB,
    planName: "醫務衛生/ 自願醫保計劃的認可產品名單",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "自願醫保計劃的認可產品名單",
    titleEn: "List of Certified Plans of the Voluntary Health Insurance Scheme",
    releases: [
      release({
        planRow: "D13",
        month: "2019-04",
        updateFrequency: UpdateFrequency.AS_NEEDED,
        formats: [DataFormat.JSON, DataFormat.CSV],
        zh: [
          "以JSON及CSV格式提供自願醫保計劃認可產品(標準計劃及靈活計劃)的名單。",
        ],
        en: [
          "Provides, in JSON and CSV formats, the list of certified plans (Standard Plans and Flexi Plans) of the Voluntary Health Insurance Scheme.",
        ],
      }),
    ],
  },
  {
    id: "hb-ehrss-healthcare-providers",
    agency: AgencyCode.HB,
    planName: "醫務衛生/ 已參與電子健康紀錄互通系統的醫護提供者名單",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "已參與電子健康紀錄互通系統的醫護提供者名單",
    titleEn: "List of Healthcare Providers Participating in the Electronic Health Record Sharing System",
    releases: [
      release({
        planRow: "D14",
        month: "2019-03",
        updateFrequency: UpdateFrequency.AS_NEEDED,
        formats: [DataFormat.XML],
        zh: [
          "以XML格式提供已登記電子健康紀錄互通系統的醫護提供者名單。",
        ],
        en: [
          "Provides, in XML format, the list of healthcare providers registered with the Electronic Health Record Sharing System.",
        ],
      }),
    ],
  },
  {
    id: "dh-rt-centres-aih-licence",
    agency: AgencyCode.DH,
    planName: "醫務衛生/ 持牌生殖科技中心名單 - 夫精人工授精牌照",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "持牌生殖科技中心名單 - 夫精人工授精牌照",
    titleEn: "List of Licensed Reproductive Technology Centres - Artificial Insemination by Husband Licence",
    releases: [
      release({
        planRow: "D15",
        month: "2020-01",
        updateFrequency: UpdateFrequency.QUARTERLY,
        formats: [DataFormat.CSV],
        zh: [
          "數據以CSV格式提供",
        ],
        en: [
          "The data are provided in CSV format",
        ],
      }),
    ],
  },
  {
    id: "dh-rt-centres-treatment-licence",
    agency: AgencyCode.DH,
    planName: "醫務衛生/ 持牌生殖科技中心名單 - 治療牌照",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "持牌生殖科技中心名單 - 治療牌照",
    titleEn: "List of Licensed Reproductive Technology Centres - Treatment Licence",
    releases: [
      release({
        planRow: "D16",
        month: "2020-01",
        updateFrequency: UpdateFrequency.QUARTERLY,
        formats: [DataFormat.CSV],
        zh: [
          "數據以CSV格式提供",
        ],
        en: [
          "The data are provided in CSV format",
        ],
      }),
    ],
  },
  {
    id: "ha-service-demand-surge-key-statistics",
    agency: AgencyCode.HA,
    planName: "醫務衛生/ 服務需求高峰期重點數據",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "服務需求高峰期重點數據",
    titleEn: "Key Statistics during Service Demand Surge",
    releases: [
      release({
        planRow: "D17",
        month: "2020-03",
        updateFrequency: UpdateFrequency.DAILY_DURING_PEAK,
        formats: [DataFormat.JSON, DataFormat.XLSX],
        zh: [
          "公立醫院服務需求高峰期重點數據",
          "發放數據集的格式: JSON 及 XLSX",
        ],
        en: [
          "Key statistics of public hospitals during service demand surge",
          "Formats of the released dataset: JSON and XLSX",
        ],
      }),
    ],
  },
  {
    id: "hb-vhis-standard-premiums",
    agency: AgencyCode.HB,
    planName: "醫務衛生/ 自願醫保計劃認可產品的標準保費",
    categoryZh: MEDICAL_AND_HEALTH,
    titleZh: "自願醫保計劃認可產品的標準保費",
    titleEn: "Standard Premiums of Certified Plans of the Voluntary Health Insurance Scheme",
    releases: [
      release({
        planRow: "D18",
        month: "2021-03",
        updateFrequency: UpdateFrequency.AS_NEEDED,
        formats: [DataFormat.JSON],
        zh: [
          "以JSON格式提供自願醫保計劃認可產品的標準保費資料。",
        ],
        en: [
          "Provides, in JSON format, the standard premium information of certified plans of the Voluntary Health Insurance Scheme.",
        ],
      }),
    ],
  },
  {
    id: "hb-covid19-vaccination-by-age",
    agency: AgencyCode.HB,
    planName: "按年齡組別劃分的2019冠狀病毒病疫苗接種數目",
    categoryZh: null,
    titleZh: "按年齡組別劃分的2019冠狀病毒病疫苗接種數目",
    titleEn: "Number of COVID-19 Vaccinations by Age Group",
    releases: [
      release({
        planRow: "D19",
        month: "2021-12",
        updateFrequency: UpdateFrequency.WEEKLY,
        formats: [DataFormat.CSV],
        zh: [
          "附有不同年齡組別每日的2019冠狀病毒病疫苗接種數目。",
          "發放數據集的格式: CSV",
        ],
        en: [
          "Contains the daily number of COVID-19 vaccinations by age group.",
          "Format of the released dataset: CSV",
        ],
      }),
    ],
  },
];
