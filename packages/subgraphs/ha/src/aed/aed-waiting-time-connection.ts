import { PageInfo } from "@hkhealth/plan";
import { Field, ObjectType } from "type-graphql";
import { AedWaitingTime } from "./aed-waiting-time.js";

@ObjectType({ description: "A waiting time and its position in a hospital's history." })
export class AedWaitingTimeEdge {
  @Field(() => String, { description: "Opaque position of this waiting time; pass it as `after`." })
  cursor!: string;

  @Field(() => AedWaitingTime, { description: "The waiting time." })
  node!: AedWaitingTime;
}

@ObjectType({ description: "A page of one hospital's A&E waiting times, oldest first." })
export class AedWaitingTimeConnection {
  @Field(() => [AedWaitingTimeEdge], { description: "The waiting times of this page." })
  edges!: AedWaitingTimeEdge[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;

  /** Counted only when asked for. */
  countTotal!: () => Promise<number>;
}
