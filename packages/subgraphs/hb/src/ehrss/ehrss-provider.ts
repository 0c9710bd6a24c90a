import { PageInfo } from "@hkhealth/plan";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { BilingualText } from "../shared/localised.js";
import type { RecordOrigin } from "@hkhealth/subgraph-kit";

@ObjectType({ description: "A healthcare provider participating in the Electronic Health Record Sharing System (eHRSS)." })
export class EhrssProvider implements RecordOrigin {
  @Field(() => ID, { description: "Id of the record it was read from (a new file of the dataset gives new ids)." })
  id!: string;

  @Field(() => String, { nullable: true, description: "Telephone number, as published." })
  telephone!: string | null;

  nameText!: BilingualText;
  typeText!: BilingualText;
  districtText!: BilingualText;
  addressText!: BilingualText;
  datasetId!: string;
  ingestionId!: number;
}

@ObjectType({ description: "An eHRSS provider and its position in the list." })
export class EhrssProviderEdge {
  @Field(() => String, { description: "Opaque position; pass it as `after`." })
  cursor!: string;

  @Field(() => EhrssProvider, { description: "The provider." })
  node!: EhrssProvider;
}

@ObjectType({ description: "A page of eHRSS providers, in published order." })
export class EhrssProviderConnection {
  @Field(() => [EhrssProviderEdge], { description: "The providers of this page." })
  edges!: EhrssProviderEdge[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;

  /** Counted only when asked for. */
  countTotal!: () => Promise<number>;
}

@ObjectType({ description: "How many eHRSS providers are of one type." })
export class EhrssProviderTypeCount {
  @Field(() => Int, { description: "Number of providers of the type, counted in PostgreSQL." })
  count!: number;

  typeText!: BilingualText;
}
