// A child process for the lock race: says "ready", takes the lock of the folder in argv[2] when
// told "go" on stdin, says "took" or "refused", and holds what it took until stdin closes.
import { createInterface } from "node:readline";
import { lockDataDir } from "../../src/pglite-lock.js";

const dataDir = process.argv[2]!;
const lines = createInterface({ input: process.stdin });
let unlock: (() => void) | undefined;
lines.once("line", () => {
  try {
    unlock = lockDataDir(dataDir, `PGlite at ${dataDir}`);
    process.stdout.write("took\n");
  } catch {
    process.stdout.write("refused\n");
  }
});
lines.once("close", () => unlock?.());
process.stdout.write("ready\n");
