import { Field, ID, Int, ObjectType } from "type-graphql";
import type { BilingualText } from "../shared/localised.js";
import { connectionType, type LazyCountConnection, type RecordOrigin } from "@hkhealth/subgraph-kit";

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

export const EhrssProviderConnection = connectionType(EhrssProvider, "EhrssProvider", {
  edge: "An eHRSS provider and its position in the list.",
  node: "The provider.",
  connection: "A page of eHRSS providers, in published order.",
  edges: "The providers of this page.",
});
export type EhrssProviderConnection = LazyCountConnection<EhrssProvider>;

@ObjectType({ description: "How many eHRSS providers are of one type." })
export class EhrssProviderTypeCount {
  @Field(() => Int, { description: "Number of providers of the type, counted in PostgreSQL." })
  count!: number;

  typeText!: BilingualText;
}
