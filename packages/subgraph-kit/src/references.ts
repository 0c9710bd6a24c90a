import { AgencyCode } from "@hkhealth/plan";
import { Directive, Field, ID, ObjectType } from "type-graphql";

// Entities owned by the plan subgraph, as other subgraphs refer to them: by key only.
// The gateway fetches their other fields from the plan subgraph through `_entities`.

@ObjectType("Agency", { description: "A public body that publishes datasets under the plan." })
@Directive('@key(fields: "code", resolvable: false)')
export class AgencyReference {
  @Field(() => AgencyCode, { description: "Short code of the agency." })
  code!: AgencyCode;
}

@ObjectType("Dataset", { description: "A dataset named in the Open Data Plan, or registered beside it." })
@Directive('@key(fields: "id", resolvable: false)')
export class DatasetReference {
  @Field(() => ID, { description: 'Stable slug, e.g. "ha-aed-waiting-time".' })
  id!: string;
}

@ObjectType("Release", { description: "One release row of the plan." })
@Directive('@key(fields: "id", resolvable: false)')
export class ReleaseReference {
  @Field(() => ID, { description: 'Stable id, "<datasetId>@<YYYY-MM>".' })
  id!: string;
}
