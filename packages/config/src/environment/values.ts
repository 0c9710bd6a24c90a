import { z } from "zod";

/** A TCP port (0: any free one). */
export const port = z.coerce.number().int().min(0).max(65_535);

/** A whole number within bounds, with a default. */
export function count(defaultValue: number, min: number, max: number) {
  return z.coerce.number().int().min(min).max(max).default(defaultValue);
}

/** An on/off switch: true/false, 1/0, yes/no or on/off. */
export const onOff = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { message: "must be true or false" })
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

export function flag(defaultValue: boolean) {
  return onOff.default(defaultValue);
}

/** An http(s):// URL, refused with `message` otherwise. */
export function httpUrl(message: string) {
  return z.string().refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), message);
}

/**
 * What a value's default may depend on: under a test runner (vitest sets NODE_ENV=test) logs are
 * silent and a gateway does not fetch the agencies' files, unless a test asks.
 */
export interface DefaultsContext {
  readonly quiet: boolean;
}
