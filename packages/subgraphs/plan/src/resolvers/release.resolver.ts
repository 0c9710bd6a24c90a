import { Dataset, isoDate, Language, Release, ReleaseStatus, releaseStatus, DateScalar, todayInHongKong, localised } from "@hkhealth/plan";
import type { GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";

@Resolver(() => Release)
export class ReleaseResolver {
  @Query(() => Release, { nullable: true, description: 'One release by its id ("<datasetId>@<YYYY-MM>"), or null.' })
  release(@Arg("id", () => ID, { description: "The release id." }) id: string, @Ctx() { loaders }: GraphContext): Promise<Release | null> {
    return loaders.releaseById.load(id) as Promise<Release | null>;
  }

  @FieldResolver(() => Dataset, { description: "The dataset this release belongs to." })
  async dataset(@Root() release: Release, @Ctx() { loaders }: GraphContext): Promise<Dataset> {
    return (await loaders.datasetById.load(release.datasetId)) as Dataset;
  }

  @FieldResolver(() => ReleaseStatus, {
    description:
      "RELEASED once published (section D rows, or a publication recorded since); otherwise PLANNED before the target month and DUE from it on. Judged on `asOf`, default today in Hong Kong.",
  })
  status(
    @Root() release: Release,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Date to judge the status on." }) asOf?: Date | null,
  ): ReleaseStatus {
    return releaseStatus(release, asOf ? isoDate(asOf) : todayInHongKong());
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The plan's remarks: what is released and in which formats, without HTML, one line per paragraph.",
  })
  description(
    @Root() release: Release,
    @Arg("lang", () => Language, { nullable: true, defaultValue: Language.EN, description: "Language of the text." }) lang: Language | null,
  ): string | null {
    return localised(lang, release.descriptionEn, release.descriptionZh);
  }
}
