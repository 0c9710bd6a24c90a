import { describe, expect, it } from "vitest";
import { connectionOf, decodeCursorInteger, encodeCursor, pageOf } from "../src/index.js";

describe("the paging kit", () => {
  it("gives each node its item's cursor and ends the page at the last item's, even one whose node is left out", () => {
    const items = [1, 2, 3];
    const page = connectionOf(items, (item) => encodeCursor("n", item), true, (item) => (item === 3 ? null : `node ${item}`));
    expect(page.edges).toEqual([
      { cursor: encodeCursor("n", 1), node: "node 1" },
      { cursor: encodeCursor("n", 2), node: "node 2" },
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor("n", 3) });
    expect(connectionOf([], String, false).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it("pages a list held in memory by position cursors, with its total", () => {
    const first = pageOf(["a", "b", "c"], "letters", 2, null);
    expect(first.edges.map((edge) => edge.node)).toEqual(["a", "b"]);
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(decodeCursorInteger("letters", first.pageInfo.endCursor!)).toBe(1);
    const second = pageOf(["a", "b", "c"], "letters", 2, first.pageInfo.endCursor);
    expect(second.edges.map((edge) => edge.node)).toEqual(["c"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
