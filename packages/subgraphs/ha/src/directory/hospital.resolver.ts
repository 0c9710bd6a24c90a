import { DateTimeScalar, PublishedLanguage } from "@hkhealth/plan";
import { answeredBy, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { AedWaitingTime } from "../aed/aed-waiting-time.js";
import { languageArg } from "../languages.js";
import { haLoaders, snapshotKey } from "../loaders.js";
import { HospitalFilterArgs } from "./facility-args.js";
import { findHospitals } from "./facility-queries.js";
import { Hospital } from "./hospital.js";

@Resolver(() => Hospital)
export class HospitalResolver {
  @Query(() => [Hospital], answeredBy("hospital-authority", "Public hospitals and institutions of the Hospital Authority's latest facility directory, in its order."))
  hospitals(@Args(() => HospitalFilterArgs) args: HospitalFilterArgs, @Ctx() context: GraphContext): Promise<Hospital[]> {
    return findHospitals(context, args);
  }

  @Query(() => Hospital, answeredBy("hospital-authority", "A hospital of the latest facility directory by its id; null when there is none."))
  hospital(@Arg("id", () => ID, { description: 'Its id, e.g. "queen-elizabeth-hospital".' }) id: string, @Ctx() context: GraphContext): Promise<Hospital | null> {
    return haLoaders(context).hospitalById.load(id);
  }

  @FieldResolver(() => AedWaitingTime, {
    nullable: true,
    description: "Its Accident and Emergency waiting times in the latest snapshot of one language's feeds, or the one in force at `asOf`; null when that snapshot has none for it.",
  })
  async aedWaitingTime(
    @Root() hospital: Hospital,
    @Ctx() context: GraphContext,
    @Arg("asOf", () => DateTimeScalar, { nullable: true, description: "The snapshot in force at this time; the latest by default." }) asOf?: Date | null,
    @Arg("lang", () => PublishedLanguage, languageArg) lang?: PublishedLanguage | null,
  ): Promise<AedWaitingTime | null> {
    const snapshot = await haLoaders(context).aedSnapshot.load(snapshotKey(asOf, lang));
    return snapshot.byHospitalId.get(hospital.id) ?? null;
  }
}
