import type { Strings } from "../../lib/i18n.js";

export interface Wait {
  readonly text: string;
  readonly minutes: number | null;
}

/** The feed's words for a wait ("2 hours", "< 1 hour"), beside its minutes when known. */
export function formatWait(wait: Wait | null): string {
  return wait ? wait.text : "–";
}

/** How long ago an instant was, in the largest whole unit. */
export function formatAge(instant: string, now: number, t: Strings): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(instant)) / 60_000));
  if (minutes < 120) return `${minutes} ${t.minutes}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

/** An instant as the feed gives it, in Hong Kong time: "2024-03-01 12:15". */
export function formatInstant(instant: string): string {
  return instant.slice(0, 16).replace("T", " ");
}
