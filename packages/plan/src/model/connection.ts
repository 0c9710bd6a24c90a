import { Directive, Field, InputType, Int, ObjectType } from "type-graphql";
import { Dataset } from "./dataset.js";
import { AgencyCode, DataFormat, ReleaseStatus, UpdateFrequency } from "./enums.js";
import { DateScalar } from "./scalars.js";

@ObjectType({ description: "Where a page of results stops (Relay cursor connections)." })
// Every subgraph with a connection resolves its own PageInfo.
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean, { description: "Whether a further page follows this one." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; pass it as `after` for the next page." })
  endCursor!: string | null;
}

@ObjectType({ description: "A dataset and its position in the list." })
export class DatasetEdge {
  @Field(() => String, { description: "Opaque position of this dataset; pass it as `after`." })
  cursor!: string;

  @Field(() => Dataset, { description: "The dataset." })
  node!: Dataset;
}

@ObjectType({ description: "A page of datasets in plan order." })
export class DatasetConnection {
  @Field(() => Int, { description: "Number of datasets matching the filter, across all pages." })
  totalCount!: number;

  @Field(() => [DatasetEdge], { description: "The datasets of this page." })
  edges!: DatasetEdge[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;
}

@InputType({ description: "Narrows the list of datasets; all given conditions must hold." })
export class DatasetFilter {
  @Field(() => AgencyCode, { nullable: true, description: "Only this agency's datasets." })
  agency?: AgencyCode;

  @Field(() => UpdateFrequency, { nullable: true, description: "Only datasets updated this often." })
  updateFrequency?: UpdateFrequency;

  @Field(() => DataFormat, { nullable: true, description: "Only datasets with a release in this format." })
  format?: DataFormat;

  @Field(() => ReleaseStatus, { nullable: true, description: "Only datasets with a release in this status as of `asOf`." })
  status?: ReleaseStatus;

  @Field(() => String, {
    nullable: true,
    description: "Text to find in Chinese or English titles and release descriptions (case-insensitive substring).",
  })
  search?: string;

  @Field(() => DateScalar, { nullable: true, description: "Date the `status` condition is judged on; defaults to today in Hong Kong." })
  asOf?: Date;
}
