import { answeredBy, DatasetReference, pageOf, recordLinksResolver, type CountedConnection, type GraphContext } from "@hkhealth/subgraph-kit";
import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import { resolveCluster } from "../clusters.js";
import { fileOrderConnectionType } from "../connection.js";
import { SOPC_WAITING_TIME_DATASET } from "../datasets.js";
import { PublishedLanguage } from "@hkhealth/plan";
import { haLoaders } from "../loaders.js";
import { LanguagePageArgs, sameText } from "../view-args.js";
import { SopcWaitingTime, sopcWaitingTimeOf } from "./sopc-waiting-time.js";

@ObjectType("SopcWaitingTimeView", {
  description:
    "The Hospital Authority's waiting times for new case bookings at specialist out-patient clinics, by cluster, specialty and triage category, from its latest file in each language.",
})
@Directive('@key(fields: "datasetId")')
export class SopcWaitingTimeView {
  @Field(() => ID, { description: 'The dataset, "ha-sopc-new-case-waiting-time".' })
  datasetId!: string;

  @Field(() => DatasetReference, answeredBy("plan", "The dataset of the plan this view types."))
  dataset(): DatasetReference {
    return { id: this.datasetId };
  }
}

export function sopcWaitingTimeView(datasetId: string): SopcWaitingTimeView {
  return Object.assign(new SopcWaitingTimeView(), { datasetId });
}

export const SopcWaitingTimeConnection = fileOrderConnectionType(SopcWaitingTime, "SopcWaitingTime", "A specialist out-patient waiting time");

@ArgsType()
export class SopcWaitingTimeArgs extends LanguagePageArgs {
  @Field(() => String, { nullable: true, description: 'Only this cluster, by its English or Chinese name or code ("Kowloon Central", "KC", "九龍中").' })
  cluster?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this specialty, as the file of that language writes it ("Medicine", "內科"), ignoring case.' })
  specialty?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this triage category, as the file writes it ("Urgent", "Stable", "穩定"), ignoring case.' })
  category?: string | null;
}

/** The waiting times of one language's file in force, filtered, one page of them. The file is read in one statement. */
export async function findSopcWaitingTimes(context: GraphContext, datasetId: string, args: SopcWaitingTimeArgs): Promise<CountedConnection<SopcWaitingTime>> {
  const cluster = args.cluster != null ? resolveCluster(args.cluster) : null;
  const rows = await haLoaders(context).languageSnapshot({ datasetId, language: args.lang ?? PublishedLanguage.EN, asOf: args.asOf ?? null });
  const items = rows
    .flatMap((row) => sopcWaitingTimeOf(datasetId, row) ?? [])
    .filter((item) => cluster === null || item.hospitalCluster?.code === cluster.code)
    .filter((item) => args.specialty == null || sameText(item.specialty, args.specialty))
    .filter((item) => args.category == null || sameText(item.category, args.category));
  return pageOf(items, "sopc-waiting-time", args.first, args.after);
}

@Resolver(() => SopcWaitingTimeView)
export class SopcWaitingTimeViewResolver {
  @FieldResolver(() => SopcWaitingTimeConnection, { description: "The waiting times of the file in force in one language, filtered, in the file's order." })
  waitingTimes(@Root() view: SopcWaitingTimeView, @Args(() => SopcWaitingTimeArgs) args: SopcWaitingTimeArgs, @Ctx() context: GraphContext): Promise<CountedConnection<SopcWaitingTime>> {
    return findSopcWaitingTimes(context, view.datasetId, args);
  }

  @Query(() => SopcWaitingTimeConnection, answeredBy("hospital-authority", "Waiting times for new case bookings at specialist out-patient clinics (the latest file of a language), filtered."))
  sopcWaitingTimes(@Args(() => SopcWaitingTimeArgs) args: SopcWaitingTimeArgs, @Ctx() context: GraphContext): Promise<CountedConnection<SopcWaitingTime>> {
    return findSopcWaitingTimes(context, SOPC_WAITING_TIME_DATASET, args);
  }
}

export const sopcLinkResolvers = recordLinksResolver(SopcWaitingTime);
