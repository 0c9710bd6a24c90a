import { LRUCache } from "lru-cache";
import { changesEverything, tagsStaleAfter, type AnswerStore, type CachedAnswer } from "./answer-store.js";

/**
 * Answers in this process's memory, least recently used dropped first once RESPONSE_CACHE_MAX_BYTES
 * is held (lru-cache: a maintained LRU that sizes entries and expires them per entry), with an
 * index from what each answer read to its keys, so a dataset's change drops exactly its answers.
 */
export class MemoryAnswerStore implements AnswerStore {
  private readonly byTag = new Map<string, Set<string>>();
  private readonly entries: LRUCache<string, CachedAnswer>;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      // The key, the body and the ETag: close to what the entry holds.
      sizeCalculation: (answer, key) => Math.max(1, answer.body.byteLength + key.length + answer.etag.length),
      ttlAutopurge: false,
      dispose: (answer, key) => this.unindex(key, answer),
    });
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, answer: CachedAnswer, ttlMs: number): Promise<void> {
    this.entries.set(key, answer, { ttl: ttlMs });
    if (!this.entries.has(key)) return; // larger than the whole cache
    for (const tag of answer.reads) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  async invalidate(change: string): Promise<number> {
    if (changesEverything(change)) {
      const dropped = this.entries.size;
      this.entries.clear();
      this.byTag.clear();
      return dropped;
    }
    const keys = new Set(tagsStaleAfter(change).flatMap((tag) => [...(this.byTag.get(tag) ?? [])]));
    let dropped = 0;
    for (const key of keys) if (this.entries.delete(key)) dropped++;
    return dropped;
  }

  bytesHeld(): number {
    return this.entries.calculatedSize;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private unindex(key: string, answer: CachedAnswer): void {
    for (const tag of answer.reads) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}
