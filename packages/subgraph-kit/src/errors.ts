import { GraphQLError } from "graphql";

/** A client mistake (bad argument, unknown field): reported with code BAD_USER_INPUT. */
export function userInputError(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...extensions } });
}
