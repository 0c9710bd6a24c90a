import { defaultFieldResolver, isObjectType, type GraphQLSchema } from "graphql";
import { unstorableCharacter } from "@hkhealth/store";
import { userInputError } from "./errors.js";

/** The longest text any argument may be by default (MAX_FILTER_LENGTH). */
export const DEFAULT_MAX_FILTER_LENGTH = 200;

export interface ArgumentLimits {
  /** Longest string, in characters, anywhere in an argument (MAX_FILTER_LENGTH). */
  readonly maxFilterLength: number;
}

export const defaultArgumentLimits: ArgumentLimits = { maxFilterLength: DEFAULT_MAX_FILTER_LENGTH };


/**
 * Refuses text PostgreSQL cannot hold or should not be asked to search: a NUL character, a lone
 * UTF-16 surrogate (not Unicode; JSON escapes it and jsonb refuses it), or more than the limit
 * of characters. `argument` names where it was, e.g. `filter[0].contains`.
 */
export function checkText(text: string, argument: string, limits: ArgumentLimits = defaultArgumentLimits): void {
  const unstorable = unstorableCharacter(text);
  if (unstorable) throw userInputError(`Argument "${argument}" contains ${unstorable}`, { argument });
  if (text.length > limits.maxFilterLength) {
    throw userInputError(
      `Argument "${argument}" is ${text.length} characters long; the limit is ${limits.maxFilterLength} (MAX_FILTER_LENGTH)`,
      { argument, limit: "MAX_FILTER_LENGTH", max: limits.maxFilterLength, found: text.length },
    );
  }
}

/** Checks every string in an argument value (input objects, lists and JSON values included), and every JSON key. */
export function checkArgumentValue(value: unknown, argument: string, limits: ArgumentLimits = defaultArgumentLimits): void {
  if (typeof value === "string") checkText(value, argument, limits);
  else if (Array.isArray(value)) value.forEach((item, index) => checkArgumentValue(item, `${argument}[${index}]`, limits));
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      checkText(key, argument, limits);
      checkArgumentValue(item, `${argument}.${key}`, limits);
    }
  }
}

/** Checks each argument of a field by its name. */
export function checkArguments(args: Readonly<Record<string, unknown>>, limits: ArgumentLimits = defaultArgumentLimits): void {
  for (const [name, value] of Object.entries(args)) checkArgumentValue(value, name, limits);
}

/**
 * Makes every field of `schema` that takes arguments check them before its resolver runs, with
 * the limits of the request's context: one check at the edge for every string that may reach
 * SQL (filters, ids, field names, cursors), instead of one per resolver. Federation's own
 * fields (`_entities`, `_service`) take what the gateway sends, not what a client wrote.
 */
export function checkArgumentsOfEveryField(schema: GraphQLSchema, limitsOf: (context: unknown) => ArgumentLimits | undefined): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 || field.name.startsWith("_")) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        checkArguments(args, limitsOf(context) ?? defaultArgumentLimits);
        return resolve(source, args, context, info);
      };
    }
  }
}
