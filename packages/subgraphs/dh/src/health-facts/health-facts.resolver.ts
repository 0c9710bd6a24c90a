import { Language, localised } from "@hkhealth/plan";
import type { GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { HealthFact } from "./health-fact.js";
import { HealthFactSection } from "./health-fact-section.js";
import { findHealthFacts, healthFactSections, healthFactYears } from "./health-facts-queries.js";
import { HealthFactsView } from "./health-facts-view.js";

const langArg = { nullable: true, defaultValue: Language.EN, description: "Language of the text." } as const;

@Resolver(() => HealthFactsView)
export class HealthFactsViewResolver {
  @FieldResolver(() => [HealthFact], { description: "The figures, in the table's order then by year; every condition given must hold." })
  facts(
    @Root() view: HealthFactsView,
    @Ctx() context: GraphContext,
    @Arg("section", () => String, { nullable: true, description: 'Only this section, by its English name (any case) or Chinese name, e.g. "Vital Events".' })
    section?: string | null,
    @Arg("year", () => Int, { nullable: true, description: "Only figures for this year." }) year?: number | null,
    @Arg("search", () => String, { nullable: true, description: "Only statistics whose English or Chinese name contains this text, ignoring case." })
    search?: string | null,
  ): Promise<HealthFact[]> {
    return findHealthFacts(context, view.datasetId, { section, year, search });
  }

  @FieldResolver(() => [HealthFactSection], { description: "The sections, in the table's order, with the years each covers." })
  sections(@Root() view: HealthFactsView, @Ctx() context: GraphContext): Promise<HealthFactSection[]> {
    return healthFactSections(context, view.datasetId);
  }

  @FieldResolver(() => [Int], { description: "Every year with a figure, in order." })
  years(@Root() view: HealthFactsView, @Ctx() context: GraphContext): Promise<number[]> {
    return healthFactYears(context, view.datasetId);
  }
}

@Resolver(() => HealthFact)
export class HealthFactResolver {
  @FieldResolver(() => String, { description: 'Section: "Health Resources", "Population" or "Vital Events" in English.' })
  section(@Root() fact: HealthFact, @Arg("lang", () => Language, langArg) lang: Language | null): string {
    return localised(lang, fact.sectionEn, fact.sectionZh);
  }

  @FieldResolver(() => String, { description: 'The statistic, e.g. "Registered doctors".' })
  item(@Root() fact: HealthFact, @Arg("lang", () => Language, langArg) lang: Language | null): string {
    return localised(lang, fact.itemEn, fact.itemZh);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Unit of the figure, e.g. "per 1,000 population"; null when the table gives none.' })
  unit(@Root() fact: HealthFact, @Arg("lang", () => Language, langArg) lang: Language | null): string | null {
    return localised(lang, fact.unitEn, fact.unitZh);
  }
}

@Resolver(() => HealthFactSection)
export class HealthFactSectionResolver {
  @FieldResolver(() => String, { description: "Name of the section." })
  name(@Root() section: HealthFactSection, @Arg("lang", () => Language, langArg) lang: Language | null): string {
    return localised(lang, section.nameEn, section.nameZh);
  }
}
