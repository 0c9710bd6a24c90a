import { Language } from "@hkhealth/plan";

/** A text the Health Bureau publishes in English and Traditional Chinese. */
export interface BilingualText {
  readonly en: string | null;
  readonly zh: string | null;
}

/** The text in `lang` (English when the client sends null); the other language when it has none. */
export function inLanguage(text: BilingualText, lang: Language | null): string | null {
  return lang === Language.ZH_HANT ? (text.zh ?? text.en) : (text.en ?? text.zh);
}
