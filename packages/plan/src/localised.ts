import { Language } from "./model/enums.js";

/** Picks the text for `lang`; English when the client sends null. */
export function localised<T>(lang: Language | null | undefined, en: T, zh: T): T {
  return lang === Language.ZH_HANT ? zh : en;
}
