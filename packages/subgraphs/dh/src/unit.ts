import { Language, offPlanDatasets, localised } from "@hkhealth/plan";
import { answeredBy, DatasetReference } from "@hkhealth/subgraph-kit";
import { Arg, Field, FieldResolver, ID, ObjectType, Resolver, Root } from "type-graphql";

@ObjectType({ description: "A unit of the Department of Health that publishes datasets of its own." })
export class DepartmentOfHealthUnit {
  @Field(() => ID, { description: 'Short code of the unit, e.g. "CHP".' })
  code!: string;

  @Field(() => String, { description: "The unit's website." })
  website!: string;

  nameEn!: string;
  nameZh!: string;
  datasetIds!: readonly string[];
}

/** The Centre for Health Protection: its COVID-19 files are datasets outside the plan. */
export const centreForHealthProtection: DepartmentOfHealthUnit = {
  code: "CHP",
  website: "https://www.chp.gov.hk",
  nameEn: "Centre for Health Protection",
  nameZh: "衞生防護中心",
  datasetIds: offPlanDatasets.filter((dataset) => dataset.id.startsWith("dh-chp-")).map((dataset) => dataset.id),
};

@Resolver(() => DepartmentOfHealthUnit)
export class DepartmentOfHealthUnitResolver {
  @FieldResolver(() => String, { description: "Name of the unit." })
  name(
    @Root() unit: DepartmentOfHealthUnit,
    @Arg("lang", () => Language, { nullable: true, defaultValue: Language.EN, description: "Language of the text." }) lang: Language | null,
  ): string {
    return localised(lang, unit.nameEn, unit.nameZh);
  }

  @FieldResolver(() => [DatasetReference], answeredBy("plan", "The datasets the unit publishes (outside the plan), registered beside it."))
  datasets(@Root() unit: DepartmentOfHealthUnit): DatasetReference[] {
    return unit.datasetIds.map((id) => ({ id }));
  }
}
