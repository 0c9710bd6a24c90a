import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { checkArguments, checkText, cursorInteger, cursorText, decodeCursor, decodeCursorInteger, encodeCursor, MAX_SQL_INTEGER } from "../src/index.js";

/** The error `work` throws, which must be a BAD_USER_INPUT GraphQL error. */
function refusal(work: () => unknown): GraphQLError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe("BAD_USER_INPUT");
    return error as GraphQLError;
  }
  throw new Error("expected a refusal");
}

describe("checkText and checkArguments", () => {
  it("accepts text PostgreSQL can hold, in any script, up to the limit", () => {
    expect(() => checkText("急症室 Accident & Emergency 😷", "search")).not.toThrow();
    expect(() => checkText("a".repeat(200), "search")).not.toThrow();
    expect(() => checkText("a".repeat(20), "search", { maxFilterLength: 20 })).not.toThrow();
  });

  it("refuses a NUL, a lone surrogate (high or low) and text past MAX_FILTER_LENGTH, naming the argument", () => {
    expect(refusal(() => checkText("a\u0000b", "id")).message).toBe('Argument "id" contains a NUL character (U+0000) at character 2, which the database cannot store');
    expect(refusal(() => checkText("a\ud800", "id")).message).toContain("a lone surrogate (U+D800, half of a character) at character 2");
    expect(refusal(() => checkText("\udc00a", "id")).extensions.argument).toBe("id");
    const long = refusal(() => checkText("a".repeat(201), "filter[0].contains"));
    expect(long.message).toBe('Argument "filter[0].contains" is 201 characters long; the limit is 200 (MAX_FILTER_LENGTH)');
    expect(long.extensions).toMatchObject({ argument: "filter[0].contains", limit: "MAX_FILTER_LENGTH", max: 200, found: 201 });
  });

  it("walks input objects, lists and JSON values (keys too), naming the path, and leaves dates and numbers alone", () => {
    const args = { filter: [{ field: "Sex", eq: "M" }, { field: "Age", in: [1, "2", { nested: ["ok", "bad\u0000"] }] }], asOf: new Date(0), first: 5 };
    expect(refusal(() => checkArguments(args)).extensions.argument).toBe("filter[1].in[2].nested[1]");
    expect(refusal(() => checkArguments({ eq: { "key\u0000": 1 } })).extensions.argument).toBe("eq");
    expect(() => checkArguments({ filter: [{ field: "Sex", eq: "M" }], asOf: new Date(0), first: 5, lang: null })).not.toThrow();
  });
});

describe("cursors", () => {
  it("decodes what encodeCursor wrote, and only that", () => {
    expect(decodeCursor("record", encodeCursor("record", 42))).toBe("42");
    expect(decodeCursorInteger("record", encodeCursor("record", 42))).toBe(42);
    const forged = (text: string) => Buffer.from(text, "utf8").toString("base64url");
    for (const cursor of [encodeCursor("dataset", 1), forged("record:1\u0000"), "%%%", `${encodeCursor("record", 1)}=`]) {
      expect(refusal(() => decodeCursor("record", cursor)).extensions.argument).toBe("after");
    }
  });

  it("refuses a position that is negative, fractional, in exponent form or past the column's range", () => {
    for (const value of ["-1", "1.5", "1e3", "", "99999999999999999999", String(Number.MAX_SAFE_INTEGER + 1)]) {
      expect(refusal(() => decodeCursorInteger("record", encodeCursor("record", value))).message).toContain('"after" is not a cursor');
    }
    expect(decodeCursorInteger("dataset", encodeCursor("dataset", MAX_SQL_INTEGER), MAX_SQL_INTEGER)).toBe(MAX_SQL_INTEGER);
    expect(() => decodeCursorInteger("dataset", encodeCursor("dataset", MAX_SQL_INTEGER + 1), MAX_SQL_INTEGER)).toThrow(GraphQLError);
    expect(cursorInteger("7", "c")).toBe(7);
    expect(() => cursorText("\ud800", "c")).toThrow(GraphQLError);
    expect(() => cursorText(3, "c")).toThrow(GraphQLError);
    expect(cursorText("30-39", "c")).toBe("30-39");
  });
});
