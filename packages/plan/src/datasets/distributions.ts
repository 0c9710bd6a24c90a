import type { DataFormat } from "../model/enums.js";
import type { Distribution, DistributionLanguage } from "./types.js";

/** A file's name without its folder and extension: "facility-hosp" for ".../facility-hosp.json". */
export function fileStem(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.split("/").at(-1) ?? "");
  return name.replace(/\.[^.]*$/, "");
}

/** One official file; it fills the resource named after the file unless told otherwise. */
export function distribution(url: string, format: DataFormat, language: DistributionLanguage | null = null, resource = fileStem(url)): Distribution {
  return { url, format, language, resource };
}

/**
 * The same file published in English, Traditional and Simplified Chinese, at URLs that differ
 * only by the language code put in place of "{language}" (codes: how the publisher writes them).
 */
export function perLanguage(
  urlTemplate: string,
  format: DataFormat,
  codes: Readonly<Record<DistributionLanguage, string>> = { en: "en", tc: "tc", sc: "sc" },
): Distribution[] {
  return (["en", "tc", "sc"] as const).map((language) => distribution(urlTemplate.replace("{language}", codes[language]), format, language));
}
