import { answeredBy, DatasetReference, pageOf, recordLinksResolver, type CountedConnection, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import { fileOrderConnectionType } from "../connection.js";
import { Clinic } from "../directory/clinic.js";
import { PublishedLanguage } from "@hkhealth/plan";
import { languageArg } from "../languages.js";
import { haLoaders, snapshotKey } from "../loaders.js";
import { LanguagePageArgs, sameText } from "../view-args.js";
import { GopcConsultationQuota } from "./gopc-quota.js";

@ObjectType("GopcConsultationQuotaView", {
  description: "The Hospital Authority's average consultation quotas of its general out-patient clinics, by clinic and weekday, from its latest file in each language.",
})
@Directive('@key(fields: "datasetId")')
export class GopcConsultationQuotaView {
  @Field(() => ID, { description: 'The dataset, "ha-gopc-consultation-quota".' })
  datasetId!: string;

  @Field(() => DatasetReference, answeredBy("plan", "The dataset of the plan this view types."))
  dataset(): DatasetReference {
    return { id: this.datasetId };
  }
}

export function gopcConsultationQuotaView(datasetId: string): GopcConsultationQuotaView {
  return Object.assign(new GopcConsultationQuotaView(), { datasetId });
}

export const GopcConsultationQuotaConnection = fileOrderConnectionType(GopcConsultationQuota, "GopcConsultationQuota", "A clinic's consultation quotas");

@ArgsType()
export class GopcQuotaArgs extends LanguagePageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the quotas linked to this directory clinic, e.g. "gopc:anne-black-general-out-patient-clinic".' })
  clinicId?: string | null;

  @Field(() => String, { nullable: true, description: "Only clinics whose name in the file contains this text, ignoring case." })
  clinic?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this district, as the file of that language writes it ("Eastern", "東區"), ignoring case.' })
  district?: string | null;
}

async function findQuotas(context: GraphContext, args: GopcQuotaArgs): Promise<CountedConnection<GopcConsultationQuota>> {
  const list = await haLoaders(context).gopcQuotas(snapshotKey(args.asOf, args.lang));
  const name = args.clinic?.trim().toLowerCase();
  const items = list.items
    .filter((quota) => args.clinicId == null || quota.clinicId === args.clinicId)
    .filter((quota) => !name || quota.clinicName.toLowerCase().includes(name))
    .filter((quota) => args.district == null || sameText(quota.district, args.district));
  return pageOf(items, "gopc-quota", args.first, args.after);
}

@Resolver(() => GopcConsultationQuotaView)
export class GopcConsultationQuotaViewResolver {
  @FieldResolver(() => GopcConsultationQuotaConnection, { description: "The quotas of the file in force in one language, filtered, in the file's order." })
  quotas(@Root() _view: GopcConsultationQuotaView, @Args(() => GopcQuotaArgs) args: GopcQuotaArgs, @Ctx() context: GraphContext): Promise<CountedConnection<GopcConsultationQuota>> {
    return findQuotas(context, args);
  }

  @FieldResolver(() => [String], { description: "Clinic names of the file in force in one language that could not be linked to a general out-patient clinic of the latest facility directory (their quotas have `clinic: null`)." })
  async unlinkedClinicNames(
    @Root() _view: GopcConsultationQuotaView,
    @Ctx() context: GraphContext,
    @Arg("lang", () => PublishedLanguage, languageArg) lang?: PublishedLanguage | null,
  ): Promise<string[]> {
    return [...(await haLoaders(context).gopcQuotas(snapshotKey(null, lang))).unlinked];
  }

  @Query(() => GopcConsultationQuotaConnection, answeredBy("hospital-authority", "Average consultation quotas of the general out-patient clinics (the latest file of a language), filtered."))
  gopcConsultationQuotas(@Args(() => GopcQuotaArgs) args: GopcQuotaArgs, @Ctx() context: GraphContext): Promise<CountedConnection<GopcConsultationQuota>> {
    return findQuotas(context, args);
  }
}

@Resolver(() => GopcConsultationQuota)
export class GopcConsultationQuotaResolver {
  @FieldResolver(() => Clinic, { nullable: true, description: "The directory's general out-patient clinic the file's name was linked to; null when none could be (listed in `unlinkedClinicNames`)." })
  clinic(@Root() quota: GopcConsultationQuota, @Ctx() context: GraphContext): Promise<Clinic | null> | null {
    return quota.clinicId === null ? null : haLoaders(context).clinicById.load(quota.clinicId);
  }
}

@Resolver(() => Clinic)
export class ClinicQuotaResolver {
  @FieldResolver(() => GopcConsultationQuota, { nullable: true, description: "Its average consultation quotas in the quota file in force in one language; null for a clinic the file does not list." })
  async consultationQuota(
    @Root() clinic: Clinic,
    @Ctx() context: GraphContext,
    @Arg("lang", () => PublishedLanguage, languageArg) lang?: PublishedLanguage | null,
  ): Promise<GopcConsultationQuota | null> {
    return (await haLoaders(context).gopcQuotas(snapshotKey(null, lang))).byFacilityId.get(clinic.id)?.[0] ?? null;
  }
}

export const gopcQuotaLinkResolvers = recordLinksResolver(GopcConsultationQuota);
