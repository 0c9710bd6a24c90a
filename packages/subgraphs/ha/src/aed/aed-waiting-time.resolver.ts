import type { GraphContext } from "@hkhealth/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Hospital } from "../directory/hospital.js";
import { haLoaders } from "../loaders.js";
import { AedWaitingTime } from "./aed-waiting-time.js";

@Resolver(() => AedWaitingTime)
export class AedWaitingTimeResolver {
  @FieldResolver(() => Hospital, { description: "The directory hospital the feed's name was linked to, with its coordinates." })
  async hospital(@Root() waitingTime: AedWaitingTime, @Ctx() context: GraphContext): Promise<Hospital> {
    // Only linked waiting times are handed out (the others are reported by name), so this holds.
    const hospital = waitingTime.hospitalId === null ? null : await haLoaders(context).hospitalById.load(waitingTime.hospitalId);
    if (!hospital) throw new Error(`A&E record ${waitingTime.recordId} ("${waitingTime.hospitalName}") is linked to no hospital`);
    return hospital;
  }
}
