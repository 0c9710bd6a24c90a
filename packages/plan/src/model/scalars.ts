import { GraphQLDate } from "graphql-scalars";
import { GraphQLScalarType, Kind } from "graphql";
import { parseIsoDateTime, toHongKongIso } from "../time.js";

/** `Date` (graphql-scalars): a calendar date "YYYY-MM-DD"; resolvers receive a JS Date at UTC midnight. */
export const DateScalar = GraphQLDate;

/** The calendar date a `Date` argument names, as "YYYY-MM-DD". */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}


function parseDateTime(value: unknown): Date {
  const date = typeof value === "string" ? parseIsoDateTime(value) : undefined;
  if (!date) {
    throw new TypeError(`DateTime must be an ISO 8601 date-time such as "2019-05-01T12:00:00+08:00", got ${JSON.stringify(value)}`);
  }
  return date;
}

/**
 * `DateTime`: an instant, answered in Hong Kong time with its offset ("2019-05-01T12:00:00+08:00");
 * accepted with any offset, or without one as Hong Kong time.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description:
    'An instant in ISO 8601, answered in Hong Kong time with its offset, e.g. "2019-05-01T12:00:00+08:00". Given without an offset, it is read as Hong Kong time.',
  specifiedByURL: "https://scalars.graphql.org/andimarek/date-time.html",
  serialize: (value) => {
    const date = value instanceof Date ? value : typeof value === "string" ? parseDateTime(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new TypeError(`Cannot serialize ${JSON.stringify(value)} as DateTime`);
    return toHongKongIso(date);
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError("DateTime must be a string");
    return parseDateTime(ast.value);
  },
});
