import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A section of Health Facts of Hong Kong (health resources, population, vital events) and what it covers." })
export class HealthFactSection {
  @Field(() => [Int], { description: "Years the section has figures for, in order." })
  years!: number[];

  @Field(() => Int, { description: "Number of statistics (rows) in the section." })
  itemCount!: number;

  nameEn!: string;
  nameZh!: string;
}
