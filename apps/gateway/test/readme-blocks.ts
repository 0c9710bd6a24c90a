import { readFileSync } from "node:fs";

/** The marker in a fence's info string (```sh no-test) for a block the README test must not run. */
export const NO_TEST = "no-test";

/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** 1-based line of its opening fence. */
  readonly line: number;
  /** The info string's first word: sh, graphql, json… ("" when none). */
  readonly language: string;
  /** Whether the info string carries NO_TEST. */
  readonly noTest: boolean;
  readonly text: string;
}

/** What the README test does with a block. */
export type BlockKind =
  | { readonly kind: "graphql" }
  | { readonly kind: "ingest"; readonly commands: ReadonlyArray<{ readonly line: number; readonly argv: readonly string[] }> }
  | { readonly kind: "skipped" }
  /** An output or a configuration file (json, yaml, ts): nothing to run. */
  | { readonly kind: "other" }
  /** A block that looks meant to be run but cannot be: the test fails, saying why. */
  | { readonly kind: "uncovered"; readonly reason: string };

const SHELLS = new Set(["sh", "bash", "shell", "console"]);

/** Every fenced block of a Markdown file, in order. */
export function codeBlocks(path: string): CodeBlock[] {
  return codeBlocksOf(readFileSync(path, "utf8"));
}

/** Every fenced block of Markdown text, in order (fences may be indented, as in a list). */
export function codeBlocksOf(markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = /^(\s*)(`{3,})(.*)$/.exec(lines[index] ?? "");
    if (!opening) continue;
    const [, indent = "", fence = "", info = ""] = opening;
    const body: string[] = [];
    let end = index + 1;
    for (; end < lines.length && !(lines[end] ?? "").trimStart().startsWith(fence); end++) body.push((lines[end] ?? "").slice(indent.length));
    if (end === lines.length) throw new Error(`README.md:${index + 1}: the code block opened here is never closed`);
    const words = info.trim().split(/\s+/).filter(Boolean);
    blocks.push({ line: index + 1, language: words[0] ?? "", noTest: words.includes(NO_TEST), text: body.join("\n") });
    index = end;
  }
  return blocks;
}

/** How the README test treats a block: run it, skip it (marked), or fail on it. */
export function classify(block: CodeBlock): BlockKind {
  if (block.noTest) return { kind: "skipped" };
  if (block.language === "graphql") return { kind: "graphql" };
  const mark = `mark its fence \`\`\`${block.language || "sh"} ${NO_TEST} if it is not meant to be run`;
  if (!SHELLS.has(block.language)) {
    return block.text.includes("pnpm ingest") ? { kind: "uncovered", reason: `it has a pnpm ingest command in a ${block.language || "plain"} block; write it in a sh block, or ${mark}` } : { kind: "other" };
  }
  const commands: Array<{ line: number; argv: string[] }> = [];
  for (const [offset, raw] of block.text.split("\n").entries()) {
    const line = block.line + 1 + offset;
    const command = raw.replace(/(^|\s)#.*$/, "").trim();
    if (command === "") continue;
    const words = command.split(/\s+/);
    if (words[0] !== "pnpm" || words[1] !== "ingest") return { kind: "uncovered", reason: `line ${line} runs \`${command}\`, which this test cannot run: ${mark}` };
    if (/["'`$\\|;&<>]/.test(command)) return { kind: "uncovered", reason: `line ${line} uses shell syntax (quotes, variables, pipes), which this test does not interpret: ${mark}` };
    const argv = words.slice(2);
    if (argv.some((word) => /^https?:\/\//.test(word))) return { kind: "uncovered", reason: `line ${line} fetches a URL, and no test reaches the internet: ${mark}` };
    commands.push({ line, argv });
  }
  return commands.length === 0 ? { kind: "uncovered", reason: `it has no command: ${mark}` } : { kind: "ingest", commands };
}
