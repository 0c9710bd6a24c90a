import DataLoader from "dataloader";
import { describe, expect, it } from "vitest";
import { RequestStatements, type BatchOptions } from "../src/request-statements.js";

/** Two statements of one request, the fast one's answer back first, each leading to a key of the same loader. */
async function batchesOf(request: RequestStatements, options: BatchOptions): Promise<string[][]> {
  const batches: string[][] = [];
  const loader = new DataLoader<string, string>(async (keys) => {
    batches.push([...keys]);
    return [...keys];
  }, options);
  let finishFast = () => {};
  let finishSlow = () => {};
  const fast = request.track(() => new Promise<void>((resolve) => (finishFast = resolve)));
  const slow = request.track(() => new Promise<void>((resolve) => (finishSlow = resolve)));
  const keys = [fast.then(() => loader.load("after the fast one")), slow.then(() => loader.load("after the slow one"))];
  finishFast();
  // Long enough for DataLoader's own schedule to have dispatched (it waits one tick).
  for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  finishSlow();
  await Promise.all(keys);
  return batches;
}

describe("a request's statements and its loaders' batches", () => {
  it("holds every batch until none of the request's statements is in flight: keys found at different moments share one", async () => {
    const request = new RequestStatements();
    expect(await batchesOf(request, request.batchOptions)).toEqual([["after the fast one", "after the slow one"]]);
  });

  it("positive control: on DataLoader's own schedule the same keys make two batches", async () => {
    expect(await batchesOf(new RequestStatements(), {})).toEqual([["after the fast one"], ["after the slow one"]]);
  });

  it("dispatches at once when nothing is in flight, and again after a statement a batch sent", async () => {
    const request = new RequestStatements();
    const batches: number[][] = [];
    const loader = new DataLoader<number, number>(async (keys) => {
      batches.push([...keys]);
      await request.track(async () => {});
      return [...keys];
    }, request.batchOptions);
    const second = loader.load(1).then(() => loader.load(2));
    await second;
    expect(batches).toEqual([[1], [2]]);
  });
});
