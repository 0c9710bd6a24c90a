import { Directive, Field, ObjectType } from "type-graphql";
import { AgencyCode } from "./enums.js";

@ObjectType({ description: "A public body that publishes datasets under the plan." })
@Directive('@key(fields: "code")')
export class Agency {
  @Field(() => AgencyCode, { description: "Short code of the agency." })
  code!: AgencyCode;

  nameEn!: string;
  nameZh!: string;
}
