import { DataRecord, RecordConnection, RecordGroup, RecordSource } from "@hkhealth/plan";
import { aggregateKey, type AggregateFunction } from "@hkhealth/store";
import { answeredBy, ReleaseReference, releaseOfIngestion, type GraphContext } from "@hkhealth/subgraph-kit";
import { GraphQLJSON } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from "type-graphql";

@Resolver(() => DataRecord)
export class RecordResolver {
  @FieldResolver(() => ReleaseReference, answeredBy("plan", "The plan release the record's file belongs to, if any."))
  release(@Root() record: DataRecord, @Ctx() context: GraphContext): Promise<ReleaseReference | null> {
    return releaseOfIngestion(context, record.ingestionId);
  }

  @FieldResolver(() => RecordSource, { description: "The file the record came from." })
  async source(@Root() record: DataRecord, @Ctx() { records }: GraphContext): Promise<RecordSource> {
    const ingestion = await records.ingestionById.load(record.ingestionId);
    if (!ingestion) throw new Error(`Record ${record.id} has no ingestion ${record.ingestionId}`);
    return ingestion;
  }
}

@Resolver(() => RecordConnection)
export class RecordConnectionResolver {
  @FieldResolver(() => Int, { description: "Number of records matching, across all pages (counted only when asked for)." })
  totalCount(@Root() connection: RecordConnection): Promise<number> {
    return connection.countTotal();
  }
}

function aggregate(group: RecordGroup, fn: AggregateFunction, field: string): unknown {
  return group.values.get(aggregateKey({ fn, field })) ?? null;
}

@Resolver(() => RecordGroup)
export class RecordGroupResolver {
  @FieldResolver(() => Float, { nullable: true, description: "Sum of a NUMBER field over the group." })
  sum(@Root() group: RecordGroup, @Arg("field", () => String, { description: "A NUMBER field." }) field: string): unknown {
    return aggregate(group, "sum", field);
  }

  @FieldResolver(() => Float, { nullable: true, description: "Average of a NUMBER field over the group." })
  avg(@Root() group: RecordGroup, @Arg("field", () => String, { description: "A NUMBER field." }) field: string): unknown {
    return aggregate(group, "avg", field);
  }

  @FieldResolver(() => Float, { nullable: true, description: "Median of a NUMBER field over the group (between the two middle values when they are an even number)." })
  median(@Root() group: RecordGroup, @Arg("field", () => String, { description: "A NUMBER field." }) field: string): unknown {
    return aggregate(group, "median", field);
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: "Smallest value of a field in the group, compared by its type." })
  min(@Root() group: RecordGroup, @Arg("field", () => String, { description: "Any field." }) field: string): unknown {
    return aggregate(group, "min", field);
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: "Largest value of a field in the group, compared by its type." })
  max(@Root() group: RecordGroup, @Arg("field", () => String, { description: "Any field." }) field: string): unknown {
    return aggregate(group, "max", field);
  }
}
