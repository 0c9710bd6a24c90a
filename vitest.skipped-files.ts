import type { Reporter, TestCase, TestModule, TestSuite } from "vitest/node";
import { skippedForSharedFiles } from "./packages/config/src/testing.js";

/**
 * After the run, names the suites skipped because the real published files are not beside the
 * checkout, and why (their titles say so), so a newcomer's green run does not hide them.
 */
export class SkippedForSharedFilesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = new Set<string>();
    for (const module of testModules) {
      for (const test of module.children.allTests("skipped")) {
        const reason = skippedSuiteOf(test);
        if (reason) skipped.add(`${module.project.name} ${module.relativeModuleId} > ${reason.fullName}`);
      }
    }
    if (skipped.size === 0) return;
    console.log(`\nSkipped, for want of the real published files:\n${[...skipped].map((line) => `  ${line}`).join("\n")}\n`);
  }
}

/** The test itself, or its innermost suite, whose name says it is skipped for want of the shared files. */
function skippedSuiteOf(test: TestCase): TestCase | TestSuite | undefined {
  for (let entity: TestCase | TestSuite | TestModule = test; entity.type !== "module"; entity = entity.parent) {
    if (skippedForSharedFiles(entity.name)) return entity;
  }
  return undefined;
}
