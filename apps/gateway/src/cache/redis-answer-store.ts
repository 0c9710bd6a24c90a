import type { Redis } from "ioredis";
import { changesEverything, tagsStaleAfter, type AnswerStore, type CachedAnswer } from "./answer-store.js";

/**
 * Answers in Redis, shared by every gateway instance: each answer under `<prefix>a:<key>` with
 * its TTL, and a set per read tag (`<prefix>t:<tag>`) of the keys that read it. Every gateway
 * receives each change (PostgreSQL NOTIFY) and drops the keys of its tags; the first does the work,
 * the others find the sets empty. Redis failing is a miss, never an error: the gateway then answers
 * from the subgraphs.
 */
export class RedisAnswerStore implements AnswerStore {
  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<CachedAnswer | undefined> {
    const stored = await this.client.getBuffer(this.answerKey(key)).catch(() => null);
    return stored ? decode(stored) : undefined;
  }

  async set(key: string, answer: CachedAnswer, ttlMs: number): Promise<void> {
    const answerKey = this.answerKey(key);
    const multi = this.client.multi().set(answerKey, encode(answer), "PX", ttlMs);
    // A tag's set lives as long as its longest answer (give or take): it is only an index.
    for (const tag of answer.reads) multi.sadd(this.tagKey(tag), answerKey).pexpire(this.tagKey(tag), ttlMs, "GT").pexpire(this.tagKey(tag), ttlMs, "NX");
    await multi.exec().catch(() => undefined);
  }

  async invalidate(change: string): Promise<number> {
    if (changesEverything(change)) return this.deleteMatching(`${this.prefix}*`);
    let dropped = 0;
    for (const tag of tagsStaleAfter(change)) {
      const tagKey = this.tagKey(tag);
      const [[, keys]] = ((await this.client.multi().smembers(tagKey).del(tagKey).exec()) ?? [[null, []]]) as [[unknown, string[]]];
      if (keys.length > 0) dropped += await this.client.del(...keys);
    }
    return dropped;
  }

  bytesHeld(): undefined {
    return undefined;
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }

  private answerKey(key: string): string {
    return `${this.prefix}a:${key}`;
  }

  private tagKey(tag: string): string {
    return `${this.prefix}t:${tag}`;
  }

  private async deleteMatching(pattern: string): Promise<number> {
    let dropped = 0;
    let cursor = "0";
    do {
      const [next, keys] = await this.client.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      const answers = keys.filter((key) => key.startsWith(`${this.prefix}a:`));
      if (keys.length > 0) await this.client.del(...keys);
      dropped += answers.length;
    } while (cursor !== "0");
    return dropped;
  }
}

/** `<etag>\n<reads, comma-separated>\n<stamp>\n<body>`: the body stays bytes, not re-encoded JSON. */
function encode(answer: CachedAnswer): Buffer {
  return Buffer.concat([Buffer.from(`${answer.etag}\n${answer.reads.join(",")}\n${answer.stamp}\n`), answer.body]);
}

function decode(stored: Buffer): CachedAnswer | undefined {
  const lines: string[] = [];
  let start = 0;
  for (let line = 0; line < 3; line++) {
    const end = stored.indexOf(10, start);
    if (end < 0) return undefined; // not an answer of this layout: a miss
    lines.push(stored.subarray(start, end).toString());
    start = end + 1;
  }
  const [etag = "", reads = "", stamp = ""] = lines;
  return { etag, reads: reads ? reads.split(",") : [], stamp, body: stored.subarray(start) };
}
