/** Hong Kong's 18 districts, each at a point near its centre, for "distance from" without the browser's location. */
export interface District {
  readonly en: string;
  readonly zh: string;
  readonly latitude: number;
  readonly longitude: number;
}

export const districts: readonly District[] = [
  { en: "Central and Western", zh: "中西區", latitude: 22.282, longitude: 114.15 },
  { en: "Wan Chai", zh: "灣仔區", latitude: 22.276, longitude: 114.183 },
  { en: "Eastern", zh: "東區", latitude: 22.283, longitude: 114.225 },
  { en: "Southern", zh: "南區", latitude: 22.245, longitude: 114.16 },
  { en: "Yau Tsim Mong", zh: "油尖旺區", latitude: 22.311, longitude: 114.17 },
  { en: "Sham Shui Po", zh: "深水埗區", latitude: 22.33, longitude: 114.16 },
  { en: "Kowloon City", zh: "九龍城區", latitude: 22.323, longitude: 114.19 },
  { en: "Wong Tai Sin", zh: "黃大仙區", latitude: 22.342, longitude: 114.195 },
  { en: "Kwun Tong", zh: "觀塘區", latitude: 22.313, longitude: 114.225 },
  { en: "Kwai Tsing", zh: "葵青區", latitude: 22.354, longitude: 114.1 },
  { en: "Tsuen Wan", zh: "荃灣區", latitude: 22.37, longitude: 114.113 },
  { en: "Tuen Mun", zh: "屯門區", latitude: 22.391, longitude: 113.977 },
  { en: "Yuen Long", zh: "元朗區", latitude: 22.445, longitude: 114.022 },
  { en: "North", zh: "北區", latitude: 22.494, longitude: 114.138 },
  { en: "Tai Po", zh: "大埔區", latitude: 22.45, longitude: 114.168 },
  { en: "Sha Tin", zh: "沙田區", latitude: 22.383, longitude: 114.188 },
  { en: "Sai Kung", zh: "西貢區", latitude: 22.381, longitude: 114.27 },
  { en: "Islands", zh: "離島區", latitude: 22.261, longitude: 113.946 },
];
