import { dhcExpressMainCentres, dhcMainCentres, Language } from "@hkhealth/plan";
import { answeredBy, DatasetReference, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { healthBureauLoaders } from "../loaders.js";
import { inLanguage, type BilingualText } from "../shared/localised.js";
import { recordLinksResolver } from "@hkhealth/subgraph-kit";
import { DistrictHealthCentre } from "./district-health-centre.js";
import { DistrictHealthCentreView } from "./dhc-view.js";

const DHC_MAIN_CENTRES = dhcMainCentres.id;
const DHC_EXPRESS_MAIN_CENTRES = dhcExpressMainCentres.id;

const districtArgument = {
  nullable: true,
  description: 'Only centres in this district, by its English or Chinese name ("Kwai Tsing", "葵青區"; case and a trailing "District"/"區" ignored).',
} as const;

const langArgument = { nullable: true, defaultValue: Language.EN, description: "Language of the text." } as const;

@Resolver(() => DistrictHealthCentreView)
export class DistrictHealthCentreViewResolver {
  @FieldResolver(() => DatasetReference, answeredBy("plan", "The dataset this view types."))
  dataset(@Root() view: DistrictHealthCentreView): DatasetReference {
    return { id: view.datasetId };
  }

  @FieldResolver(() => [DistrictHealthCentre], { description: "The main centres in the dataset's latest file, in published order." })
  centres(
    @Root() view: DistrictHealthCentreView,
    @Ctx() context: GraphContext,
    @Arg("district", () => String, districtArgument) district?: string | null,
  ): Promise<DistrictHealthCentre[]> {
    return healthBureauLoaders(context).centres.load({ datasetId: view.datasetId, district: district ?? null });
  }
}

@Resolver(() => DistrictHealthCentre)
export class DistrictHealthCentreResolver {
  @FieldResolver(() => String, { description: "Name of the centre." })
  name(@Root() centre: DistrictHealthCentre, @Arg("lang", () => Language, langArgument) lang: Language | null): string {
    return required(centre.nameText, lang, centre, "name");
  }

  @FieldResolver(() => String, { nullable: true, description: "The district it serves." })
  district(@Root() centre: DistrictHealthCentre, @Arg("lang", () => Language, langArgument) lang: Language | null): string | null {
    return inLanguage(centre.districtText, lang);
  }

  @FieldResolver(() => String, { nullable: true, description: "Address of the main centre." })
  address(@Root() centre: DistrictHealthCentre, @Arg("lang", () => Language, langArgument) lang: Language | null): string | null {
    return inLanguage(centre.addressText, lang);
  }

  @FieldResolver(() => String, { nullable: true, description: "Opening hours, as published; null when the file gives none." })
  openingHours(@Root() centre: DistrictHealthCentre, @Arg("lang", () => Language, langArgument) lang: Language | null): string | null {
    return inLanguage(centre.openingHoursText, lang);
  }
}

function required(text: BilingualText, lang: Language | null, centre: DistrictHealthCentre, field: string): string {
  const value = inLanguage(text, lang);
  if (value === null) throw new Error(`Record ${centre.id} of ${centre.datasetId} has no ${field} in either language`);
  return value;
}

@Resolver()
export class DistrictHealthCentreQueryResolver {
  @Query(() => [DistrictHealthCentre], answeredBy("health-bureau", "Main centres of District Health Centres and DHC Expresses (plan rows A1, A2), from each dataset's latest file."))
  async districtHealthCentres(
    @Ctx() context: GraphContext,
    @Arg("district", () => String, districtArgument) district?: string | null,
  ): Promise<DistrictHealthCentre[]> {
    const { centres } = healthBureauLoaders(context);
    const lists = await centres.loadMany([DHC_MAIN_CENTRES, DHC_EXPRESS_MAIN_CENTRES].map((datasetId) => ({ datasetId, district: district ?? null })));
    return lists.flatMap((list) => {
      if (list instanceof Error) throw list;
      return list;
    });
  }
}

export const DistrictHealthCentreLinksResolver = recordLinksResolver(DistrictHealthCentre);
