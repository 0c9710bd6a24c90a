import { GraphQLDate } from "graphql-scalars";

/** `Date` (graphql-scalars): a calendar date "YYYY-MM-DD"; resolvers receive a JS Date at UTC midnight. */
export const DateScalar = GraphQLDate;

/** The calendar date a `Date` argument names, as "YYYY-MM-DD". */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
