import { resolve } from "node:path";
import { parseCommand, runCommand } from "@hkhealth/ingest/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";
import { classify, codeBlocks, NO_TEST } from "./readme-blocks.js";

// Every example of the README, read from the README itself, run in order as a newcomer would on
// a fresh clone (no ../shared): its `pnpm ingest` lines through the CLI's own parser and runner,
// from the repository's root, then each GraphQL block through the gateway, over one store.
const repo = resolve(import.meta.dirname, "../../..");
const blocks = codeBlocks(resolve(repo, "README.md")).map((block) => ({ ...block, ...classify(block) }));
const count = (kind: string) => blocks.filter((block) => block.kind === kind).length;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

/**
 * Where an answer is empty: a null root field, an empty list, a zero `totalCount` or `count`.
 * The README's examples show data, so each of these means a file the example needs is missing.
 */
function emptinessIn(data: Record<string, unknown>): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      if (value.length === 0) found.push(`${path} is []`);
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if ((key === "totalCount" || key === "count") && child === 0) found.push(`${path}.${key} is 0`);
        visit(child, `${path}.${key}`);
      }
    }
  };
  for (const [field, value] of Object.entries(data)) {
    if (value === null) found.push(`${field} is null`);
    visit(value, field);
  }
  return found;
}

const summary =
  `README.md's ${blocks.length} code blocks: runs ${count("graphql")} graphql and ${count("ingest")} ingest blocks, ` +
  `skips ${count("skipped")} marked ${NO_TEST} and ${count("other")} outputs or configuration files` +
  (count("uncovered") > 0 ? `; ${count("uncovered")} neither run nor marked` : "");

describe(summary, () => {
  for (const block of blocks) {
    const title = `README.md:${block.line} ${block.language}: ${block.text.trim().split("\n")[0]}`;
    switch (block.kind) {
      case "skipped":
      case "other":
        it.skip(`${title} (${block.kind === "skipped" ? NO_TEST : "not an example to run"})`, () => {});
        break;
      case "uncovered":
        it(title, () => {
          expect.fail(`README.md:${block.line}: ${block.reason}`);
        });
        break;
      case "ingest":
        it(title, async () => {
          for (const { line, argv } of block.commands) {
            const command = parseCommand(argv);
            if (command.kind === "help") continue;
            const printed = await runCommand(command, harness.store, { userDir: repo }).catch((error: Error) => {
              throw new Error(`README.md:${line}: pnpm ingest ${argv.join(" ")}: ${error.message}`);
            });
            expect(printed, `README.md:${line}`).not.toMatch(/^already ingested/);
          }
        }, 120_000);
        break;
      case "graphql":
        it(title, async () => {
          const response = await harness.query(block.text);
          expect(response.errors, `README.md:${block.line}: the example's errors`).toBeUndefined();
          expect(response.data, `README.md:${block.line}: the example's data`).toBeTruthy();
          expect(emptinessIn(response.data), `README.md:${block.line}: empty parts of the example's answer`).toEqual([]);
        }, 60_000);
        break;
    }
  }
});
