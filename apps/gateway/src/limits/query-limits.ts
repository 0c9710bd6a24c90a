import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { GraphQLError, ValidationContext, ValidationRule } from "graphql";
import { costLimitPlugin } from "./cost-limit-plugin.js";
import { limitExceeded } from "./limit-error.js";
import type { SpendCost } from "../rate-limits/rate-limits.js";
import { readOnlyRule } from "../checks/read-only-rule.js";
import { maxRootFieldsRule } from "./root-fields-rule.js";
import type { LimitName, QueryLimits } from "../settings.js";

export interface QueryLimitProtections {
  readonly validationRules: ValidationRule[];
  readonly plugins: ApolloServerPlugin<BaseContext>[];
}

/** Reports graphql-armor's refusal as ours: the same code and extensions as every other limit. */
function reportAs(limit: LimitName, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const message = error.message.replace(/^Syntax Error: /, "");
    const found = /found (\d+)/.exec(message)?.[1];
    context?.reportError(limitExceeded(limit, max, message, found === undefined ? undefined : Number(found)));
  };
}

/**
 * The limits that need the parsed operation: depth, aliases and directives (graphql-armor),
 * root fields, and page size and cost (our own rules: armor's cost ignores `first`). Characters
 * and tokens are counted before parsing, by the HTTP layer. Field suggestions ("Did you mean")
 * are masked when introspection is off, so they do not leak the schema introspection hides.
 * An operation's cost is spent on its client's budget with `spendCost` (RATE_LIMIT_COST).
 */
export function queryLimitProtections(limits: QueryLimits, options: { maskSuggestions: boolean; spendCost?: SpendCost | undefined }): QueryLimitProtections {
  const armor = new ApolloArmor({
    // Depth counts fields only: a fragment is no deeper than its fields.
    maxDepth: { n: limits.MAX_DEPTH, flattenFragments: true, onReject: [reportAs("MAX_DEPTH", limits.MAX_DEPTH)], propagateOnRejection: false },
    // Every alias counts, `__typename`'s too (armor allows those by default): each is one more value per object.
    maxAliases: { n: limits.MAX_ALIASES, allowList: [], onReject: [reportAs("MAX_ALIASES", limits.MAX_ALIASES)], propagateOnRejection: false },
    maxDirectives: { n: limits.MAX_DIRECTIVES, onReject: [reportAs("MAX_DIRECTIVES", limits.MAX_DIRECTIVES)], propagateOnRejection: false },
    // Its Apollo plugin throws outside the request pipeline (a 500); tokens are counted before parsing instead.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.maskSuggestions },
  }).protect();
  return {
    validationRules: [readOnlyRule, ...armor.validationRules, maxRootFieldsRule(limits.MAX_ROOT_FIELDS)],
    plugins: [...(armor.plugins as ApolloServerPlugin<BaseContext>[]), costLimitPlugin(limits, options.spendCost)],
  };
}
