import { PageInfo } from "@hkhealth/plan";
import { decodeCursorInteger, encodeCursor, pageSize } from "@hkhealth/subgraph-kit";
import { Field, Int, ObjectType, type ClassType } from "type-graphql";

/** A page of a list the subgraph has filtered: its items, where it ends, how many there are in all. */
export interface Page<T> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: T }>;
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

/** `<Name>Connection` and `<Name>Edge` for a node type: `what` says what one node is ("A waiting time"). */
export function connectionType<T extends object>(node: ClassType<T>, name: string, what: string): ClassType<Page<T>> {
  @ObjectType(`${name}Edge`, { description: `${what} and its position in the list.` })
  class Edge {
    @Field(() => String, { description: "Opaque position; pass it as `after`." })
    cursor!: string;

    @Field(() => node, { description: `${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of the list, in the file's order.` })
  class Connection implements Page<T> {
    @Field(() => [Edge], { description: "The items of this page." })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Number of items matching, across all pages." })
    totalCount!: number;
  }
  return Connection;
}

/** One page of `items` (already filtered, in order): `first` of them after the cursor `after`. */
export function pageOf<T>(items: readonly T[], kind: string, first: number | null | undefined, after: string | null | undefined, max?: number): Page<T> {
  const size = pageSize(first, max);
  const start = after == null ? 0 : decodeCursorInteger(kind, after, items.length) + 1;
  const edges = items.slice(start, start + size).map((node, index) => ({ cursor: encodeCursor(kind, start + index), node }));
  return { edges, pageInfo: { hasNextPage: start + size < items.length, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: items.length };
}
