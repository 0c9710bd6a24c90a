import { DataFormat, datasetDefinition, type DistributionLanguage, PublishedLanguage } from "@hkhealth/plan";
import { Field, ObjectType } from "type-graphql";

const publishedLanguage: Readonly<Record<DistributionLanguage, PublishedLanguage>> = {
  en: PublishedLanguage.EN,
  tc: PublishedLanguage.TC,
  sc: PublishedLanguage.SC,
};

@ObjectType({ description: "One official file an agency publishes for a dataset, at the URL the sync fetches it from." })
export class Distribution {
  @Field(() => String, { description: "The file's official URL (not a mirror's)." })
  url!: string;

  @Field(() => DataFormat, { description: "The format the file is published in." })
  format!: DataFormat;

  @Field(() => PublishedLanguage, { nullable: true, description: "Its language, where the file is published per language; null otherwise." })
  language!: PublishedLanguage | null;

  @Field(() => String, { description: 'The snapshot series the file fills, e.g. "facility-hosp" (its records replace or add to that series only).' })
  resource!: string;

  /** Whose file it is: its freshness is looked up by dataset and URL. */
  datasetId!: string;
}

/** The official files of a dataset, as its module lists them; none for a dataset registered at run time. */
export function distributionsOf(datasetId: string): Distribution[] {
  return (datasetDefinition(datasetId)?.distributions ?? []).map((distribution) => ({
    url: distribution.url,
    format: distribution.format,
    language: distribution.language ? publishedLanguage[distribution.language] : null,
    resource: distribution.resource,
    datasetId,
  }));
}

/** A dataset's page on DATA.GOV.HK, where its module names one. */
export function portalUrlOf(datasetId: string): string | null {
  return datasetDefinition(datasetId)?.portalUrl ?? null;
}
