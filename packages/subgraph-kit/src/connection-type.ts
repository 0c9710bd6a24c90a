import { PageInfo } from "@hkhealth/plan";
import { Field, Int, ObjectType, type ClassType } from "type-graphql";

/** A node and its position in a list (Relay cursor connections). */
export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

/** A page of a list: its edges and where it ends. */
export interface Connection<T> {
  readonly edges: Array<Edge<T>>;
  readonly pageInfo: PageInfo;
}

/** A page with the number of items across all pages, counted with the page. */
export interface CountedConnection<T> extends Connection<T> {
  readonly totalCount: number;
}

/** A page whose `totalCount` is a statement of its own, run only when a client selects it (by a field resolver). */
export interface LazyCountConnection<T> extends Connection<T> {
  readonly countTotal: () => Promise<number>;
}

/** What the schema says of a connection type and its edge. */
export interface ConnectionDescriptions {
  /** Of the edge type: "A case and its position in the list." */
  readonly edge: string;
  /** Of `Edge.cursor`. */
  readonly cursor?: string;
  /** Of `Edge.node`: "The case." */
  readonly node: string;
  /** Of the connection type: "A page of cases, in case number order." */
  readonly connection: string;
  /** Of `Connection.edges`: "The cases of this page." */
  readonly edges: string;
}

const defaultCursorDescription = "Opaque position; pass it as `after`.";

/**
 * `<name>Connection` and `<name>Edge`; with `totalCount` (its description) the page has that
 * field, declared after the class (a decorator applied by hand) so both kinds share one body.
 */
function connectionClass<T extends object>(node: ClassType<T>, name: string, descriptions: ConnectionDescriptions, totalCount?: string) {
  @ObjectType(`${name}Edge`, { description: descriptions.edge })
  class NodeEdge implements Edge<T> {
    @Field(() => String, { description: descriptions.cursor ?? defaultCursorDescription })
    cursor!: string;

    @Field(() => node, { description: descriptions.node })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: descriptions.connection })
  class NodeConnection implements Connection<T> {
    @Field(() => [NodeEdge], { description: descriptions.edges })
    edges!: Array<Edge<T>>;

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo!: PageInfo;

    totalCount?: number;
    countTotal?: () => Promise<number>;
  }
  if (totalCount !== undefined) Field(() => Int, { description: totalCount })(NodeConnection.prototype, "totalCount");
  return NodeConnection;
}

/**
 * `<name>Connection` and `<name>Edge` for a node type, whose `totalCount` (when the list has one)
 * a field resolver of the connection answers from `countTotal`.
 */
export function connectionType<T extends object>(node: ClassType<T>, name: string, descriptions: ConnectionDescriptions): ClassType<LazyCountConnection<T>> {
  return connectionClass(node, name, descriptions) as ClassType<LazyCountConnection<T>>;
}

/** `<name>Connection` and `<name>Edge` with `totalCount` a field of the page, described by `totalCount`. */
export function countedConnectionType<T extends object>(
  node: ClassType<T>,
  name: string,
  descriptions: ConnectionDescriptions & { readonly totalCount: string },
): ClassType<CountedConnection<T>> {
  return connectionClass(node, name, descriptions, descriptions.totalCount) as ClassType<CountedConnection<T>>;
}
