import { ehrssHealthcareProviders, Language } from "@hkhealth/plan";
import { answeredBy, connectionOf, DatasetReference, decodeCursorInteger, encodeCursor, pageSize, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { inLanguage } from "../shared/localised.js";
import { recordLinksResolver } from "@hkhealth/subgraph-kit";
import { EhrssProvider, EhrssProviderConnection, EhrssProviderTypeCount } from "./ehrss-provider.js";
import { countProviders, countProvidersByType, findProviders, type ProviderFilter } from "./ehrss-queries.js";
import { EhrssProviderView } from "./ehrss-view.js";

const EHRSS_PROVIDERS = ehrssHealthcareProviders.id;

const CURSOR_KIND = "ehrss-provider";

const typeArgument = { nullable: true, description: 'Only providers of this type, by its English or Chinese name ("Private Hospital", "私家醫院"; case ignored).' } as const;
const districtArgument = { nullable: true, description: 'Only providers in this district, by its English or Chinese name ("Wan Chai", "灣仔區").' } as const;
const firstArgument = { nullable: true, description: "Page size: 1 to 100, default 20." } as const;
const afterArgument = { nullable: true, description: "Cursor of the edge to start after." } as const;
const langArgument = { nullable: true, defaultValue: Language.EN, description: "Language of the text." } as const;

async function providerPage(
  { store }: GraphContext,
  datasetId: string,
  filter: ProviderFilter,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<EhrssProviderConnection> {
  const size = pageSize(first);
  const afterId = after == null ? undefined : String(decodeCursorInteger(CURSOR_KIND, after));
  const page = await findProviders(store.prisma, datasetId, { ...filter, first: size, afterId });
  return {
    ...connectionOf(page.providers, (node) => encodeCursor(CURSOR_KIND, node.id), page.hasNextPage),
    countTotal: () => countProviders(store.prisma, datasetId, filter),
  };
}

@Resolver(() => EhrssProviderView)
export class EhrssProviderViewResolver {
  @FieldResolver(() => DatasetReference, answeredBy("plan", "The dataset this view types."))
  dataset(@Root() view: EhrssProviderView): DatasetReference {
    return { id: view.datasetId };
  }

  @FieldResolver(() => EhrssProviderConnection, { description: "Providers in the dataset's latest file, filtered and paged in PostgreSQL." })
  providers(
    @Root() view: EhrssProviderView,
    @Ctx() context: GraphContext,
    @Arg("type", () => String, typeArgument) type?: string | null,
    @Arg("district", () => String, districtArgument) district?: string | null,
    @Arg("first", () => Int, firstArgument) first?: number | null,
    @Arg("after", () => String, afterArgument) after?: string | null,
  ): Promise<EhrssProviderConnection> {
    return providerPage(context, view.datasetId, { type, district }, first, after);
  }

  @FieldResolver(() => [EhrssProviderTypeCount], { description: "Providers in the latest file counted per type in PostgreSQL, most numerous first." })
  countsByType(
    @Root() view: EhrssProviderView,
    @Ctx() { store }: GraphContext,
    @Arg("district", () => String, districtArgument) district?: string | null,
  ): Promise<EhrssProviderTypeCount[]> {
    return countProvidersByType(store.prisma, view.datasetId, { district });
  }
}

@Resolver(() => EhrssProviderConnection)
export class EhrssProviderConnectionResolver {
  @FieldResolver(() => Int, { description: "Number of providers matching, across all pages (counted only when asked for)." })
  totalCount(@Root() connection: EhrssProviderConnection): Promise<number> {
    return connection.countTotal();
  }
}

@Resolver(() => EhrssProvider)
export class EhrssProviderResolver {
  @FieldResolver(() => String, { description: "Name of the provider." })
  name(@Root() provider: EhrssProvider, @Arg("lang", () => Language, langArgument) lang: Language | null): string {
    const name = inLanguage(provider.nameText, lang);
    if (name === null) throw new Error(`Record ${provider.id} of ${provider.datasetId} has no provider name in either language`);
    return name;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Type (category) of provider, as published ("Private Hospital").' })
  type(@Root() provider: EhrssProvider, @Arg("lang", () => Language, langArgument) lang: Language | null): string | null {
    return inLanguage(provider.typeText, lang);
  }

  @FieldResolver(() => String, { nullable: true, description: "District, when the provider has one place of practice." })
  district(@Root() provider: EhrssProvider, @Arg("lang", () => Language, langArgument) lang: Language | null): string | null {
    return inLanguage(provider.districtText, lang);
  }

  @FieldResolver(() => String, { nullable: true, description: "Address, when the provider has one place of practice." })
  address(@Root() provider: EhrssProvider, @Arg("lang", () => Language, langArgument) lang: Language | null): string | null {
    return inLanguage(provider.addressText, lang);
  }
}

@Resolver(() => EhrssProviderTypeCount)
export class EhrssProviderTypeCountResolver {
  @FieldResolver(() => String, { nullable: true, description: "The type; null counts providers the file gives no type." })
  type(@Root() count: EhrssProviderTypeCount, @Arg("lang", () => Language, langArgument) lang: Language | null): string | null {
    return inLanguage(count.typeText, lang);
  }
}

@Resolver()
export class EhrssQueryResolver {
  @Query(() => EhrssProviderConnection, answeredBy("health-bureau", "Healthcare providers participating in the Electronic Health Record Sharing System (plan row D14), from the latest file."))
  ehrssProviders(
    @Ctx() context: GraphContext,
    @Arg("type", () => String, typeArgument) type?: string | null,
    @Arg("district", () => String, districtArgument) district?: string | null,
    @Arg("first", () => Int, firstArgument) first?: number | null,
    @Arg("after", () => String, afterArgument) after?: string | null,
  ): Promise<EhrssProviderConnection> {
    return providerPage(context, EHRSS_PROVIDERS, { type, district }, first, after);
  }

  @Query(() => [EhrssProviderTypeCount], answeredBy("health-bureau", "eHRSS providers counted per type in PostgreSQL, most numerous first."))
  ehrssProviderCounts(
    @Ctx() { store }: GraphContext,
    @Arg("district", () => String, districtArgument) district?: string | null,
  ): Promise<EhrssProviderTypeCount[]> {
    return countProvidersByType(store.prisma, EHRSS_PROVIDERS, { district });
  }
}

export const EhrssProviderLinksResolver = recordLinksResolver(EhrssProvider);
