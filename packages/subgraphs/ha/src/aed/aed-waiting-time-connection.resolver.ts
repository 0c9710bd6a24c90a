import { FieldResolver, Int, Resolver, Root } from "type-graphql";
import { AedWaitingTimeConnection } from "./aed-waiting-time-connection.js";

@Resolver(() => AedWaitingTimeConnection)
export class AedWaitingTimeConnectionResolver {
  @FieldResolver(() => Int, { description: "Number of waiting times in the window, across all pages (counted only when asked for)." })
  totalCount(@Root() connection: AedWaitingTimeConnection): Promise<number> {
    return connection.countTotal();
  }
}
