import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceDataChange, CATALOGUE_CHANGED, createStore, type DataChangeWatch, type Store } from "../src/index.js";
import { freshReads } from "../src/data-changes.js";
import { createTestDatabase, createTestStore, type TestDatabase } from "../src/testing.js";

describe("freshReads", () => {
  it("gives each caller a read begun after its call: callers during a read share the next one", async () => {
    const started: number[] = [];
    const finishes: (() => void)[] = [];
    const read = freshReads(async () => {
      const index = started.push(started.length) - 1;
      await new Promise<void>((done) => finishes.push(done));
      return index;
    });
    const first = read();
    const second = read(); // arrives while read 0 runs
    const third = read(); // likewise: the same next read
    expect(started).toEqual([0]);
    finishes[0]!();
    expect(await first).toBe(0);
    await new Promise((done) => setImmediate(done));
    expect(started).toEqual([0, 1]);
    const fourth = read(); // read 1 began before this call: it waits for read 2
    finishes[1]!();
    expect([await second, await third]).toEqual([1, 1]);
    await new Promise((done) => setImmediate(done));
    finishes[2]!();
    expect(await fourth).toBe(2);
  });

  it("passes a failed read to its callers and goes on reading", async () => {
    let calls = 0;
    const read = freshReads(async () => {
      calls++;
      if (calls === 1) throw new Error("down");
      return calls;
    });
    await expect(read()).rejects.toThrow("down");
    await expect(read()).resolves.toBe(2);
  });
});

const url = process.env.DATABASE_URL;
let database: TestDatabase | undefined;
let store: Store;
/** Another process's store on the same database (PostgreSQL), or the same store (PGlite: one process). */
let writer: Store;
let watch: DataChangeWatch;
const heard: string[] = [];

beforeAll(async () => {
  if (url) {
    database = await createTestDatabase(url);
    store = await createStore({ databaseUrl: database.url, poolSize: 2 });
    writer = await createStore({ databaseUrl: database.url, poolSize: 2 });
  } else {
    store = await createTestStore();
    writer = store;
  }
  watch = await store.watchDataChanges((change) => heard.push(change));
});

afterAll(async () => {
  await watch?.stop();
  if (writer !== store) await writer?.close();
  await store?.close();
  await database?.drop();
});

describe(`data versions on ${url ? "PostgreSQL" : "PGlite"}`, () => {
  it("counts each committed change of a part, as soon as the commit has returned", async () => {
    const before = await watch.versions();
    await writer.prisma.$transaction((tx) => announceDataChange(tx, "ds-a"));
    // No wait for the NOTIFY: the versions are read (on a server) or already counted (PGlite).
    const after = await watch.versions();
    expect(after.of("ds-a")).toBe(before.of("ds-a") + 1);
    expect(after.of("ds-b")).toBe(before.of("ds-b"));
    expect(after.total).toBe(before.total + 1);
  });

  it("counts nothing for a transaction rolled back", async () => {
    const before = await watch.versions();
    await expect(
      writer.prisma.$transaction(async (tx) => {
        await announceDataChange(tx, "ds-a");
        await announceDataChange(tx, CATALOGUE_CHANGED);
        throw new Error("the file was bad");
      }),
    ).rejects.toThrow("the file was bad");
    const after = await watch.versions();
    expect(after.total).toBe(before.total);
    expect(heard).not.toContain(CATALOGUE_CHANGED);
  });

  it("tells the listener of each change once committed", async () => {
    await writer.prisma.$transaction((tx) => announceDataChange(tx, "ds-c"));
    await expect.poll(() => heard.includes("ds-c"), { timeout: 10_000 }).toBe(true);
  });
});
