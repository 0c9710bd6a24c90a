import { countedConnectionType, type CountedConnection } from "@hkhealth/subgraph-kit";
import type { ClassType } from "type-graphql";

/** `<Name>Connection` and `<Name>Edge` of a list in file order: `what` says what one node is ("A waiting time"). */
export function fileOrderConnectionType<T extends object>(node: ClassType<T>, name: string, what: string): ClassType<CountedConnection<T>> {
  return countedConnectionType(node, name, {
    edge: `${what} and its position in the list.`,
    node: `${what}.`,
    connection: "A page of the list, in the file's order.",
    edges: "The items of this page.",
    totalCount: "Number of items matching, across all pages.",
  });
}
