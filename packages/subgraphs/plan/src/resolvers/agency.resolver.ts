import { Agency, AgencyCode, Dataset, Language, localised } from "@hkhealth/plan";
import { nullWhenUnanswered, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { AgencyProfile } from "./agency-profile.js";

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { description: "The three agencies of the plan: HB, HA and DH." })
  agencies(@Ctx() { store }: GraphContext): Promise<Agency[]> {
    return store.prisma.agency.findMany({ orderBy: { code: "asc" } }) as Promise<Agency[]>;
  }

  @Query(() => Agency, { nullable: true, description: "One agency by its code." })
  agency(@Arg("code", () => AgencyCode, { description: "HB, HA or DH." }) code: AgencyCode, @Ctx() { loaders }: GraphContext): Promise<Agency | null> {
    return loaders.agencyByCode.load(code) as Promise<Agency | null>;
  }

  @FieldResolver(() => String, { description: "Name of the agency in the language asked for." })
  name(@Root() agency: Agency, @Arg("lang", () => Language, { nullable: true, defaultValue: Language.EN, description: "Language of the text." }) lang: Language | null): string {
    return localised(lang, agency.nameEn, agency.nameZh);
  }

  @FieldResolver(() => [Dataset], { description: "The agency's datasets, in plan order." })
  datasets(@Root() agency: Agency, @Ctx() { loaders }: GraphContext): Promise<Dataset[]> {
    return loaders.datasetsByAgency.load(agency.code) as Promise<Dataset[]>;
  }

  @FieldResolver(() => AgencyProfile, {
    nullable: true,
    description: `The agency's profile, from its own subgraph. ${nullWhenUnanswered("agency's own")}`,
  })
  profile(@Root() agency: Agency): { code: AgencyCode } {
    return { code: agency.code };
  }
}
