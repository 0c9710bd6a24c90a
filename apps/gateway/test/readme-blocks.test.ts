import { describe, expect, it } from "vitest";
import { classify, codeBlocksOf } from "./readme-blocks.js";

// How the README test reads and sorts code blocks, on Markdown written here.
const fence = "```";
const only = (markdown: string) => {
  const [block, ...rest] = codeBlocksOf(markdown);
  expect(rest).toEqual([]);
  return block!;
};

describe("the README's code blocks, as the README test sorts them", () => {
  it("finds each block with its line, language and marker, indented ones in lists too", () => {
    const blocks = codeBlocksOf(["# Title", `${fence}sh no-test`, "pnpm start", fence, "- item", "", `  ${fence}yaml`, "  a: 1", `  ${fence}`].join("\n"));
    expect(blocks).toEqual([
      { line: 2, language: "sh", noTest: true, text: "pnpm start" },
      { line: 7, language: "yaml", noTest: false, text: "a: 1" },
    ]);
  });

  it("refuses a block that is never closed, naming its line", () => {
    expect(() => codeBlocksOf(`text\n${fence}graphql\n{ agencies { code } }`)).toThrow("README.md:2: the code block opened here is never closed");
  });

  it("runs graphql blocks and pnpm ingest lines (comments dropped), and skips marked blocks and outputs", () => {
    expect(classify(only(`${fence}graphql\n{ agencies { code } }\n${fence}`))).toEqual({ kind: "graphql" });
    expect(classify(only(`${fence}sh\n# first\npnpm ingest a-dataset some/file.json   # a comment\n\npnpm ingest --register b\n${fence}`))).toEqual({
      kind: "ingest",
      commands: [
        { line: 3, argv: ["a-dataset", "some/file.json"] },
        { line: 5, argv: ["--register", "b"] },
      ],
    });
    expect(classify(only(`${fence}sh no-test\npnpm sync\n${fence}`))).toEqual({ kind: "skipped" });
    expect(classify(only(`${fence}graphql no-test\n{ x }\n${fence}`))).toEqual({ kind: "skipped" });
    expect(classify(only(`${fence}json\n{ "errors": [] }\n${fence}`))).toEqual({ kind: "other" });
  });

  it("fails a block that looks meant to be run but that it cannot run, saying how to mark it", () => {
    const reasonOf = (markdown: string) => {
      const kind = classify(only(markdown));
      return kind.kind === "uncovered" ? kind.reason : `not uncovered: ${kind.kind}`;
    };
    expect(reasonOf(`${fence}sh\npnpm sync\n${fence}`)).toBe("line 2 runs `pnpm sync`, which this test cannot run: mark its fence ```sh no-test if it is not meant to be run");
    expect(reasonOf(`${fence}sh\npnpm ingest a https://example.org/a.json\n${fence}`)).toMatch(/^line 2 fetches a URL, and no test reaches the internet/);
    expect(reasonOf(`${fence}sh\npnpm ingest a "my file.json"\n${fence}`)).toMatch(/^line 2 uses shell syntax/);
    expect(reasonOf(`${fence}sh\n# nothing\n${fence}`)).toMatch(/^it has no command/);
    expect(reasonOf(`${fence}\npnpm ingest a b.json\n${fence}`)).toMatch(/^it has a pnpm ingest command in a plain block/);
  });
});
