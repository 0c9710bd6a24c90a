import { isDeepStrictEqual } from "node:util";

/** Two GraphQL answers (response bodies) carry the same data; a body that is not JSON never matches. */
export function sameData(answer: string, reference: string): boolean {
  try {
    const a = JSON.parse(answer) as { data?: unknown; errors?: unknown };
    const b = JSON.parse(reference) as { data?: unknown; errors?: unknown };
    return a.errors === undefined && b.errors === undefined && isDeepStrictEqual(a.data, b.data);
  } catch {
    return false;
  }
}

export interface StaleFigures {
  /** Answers compared with a fresh uncached answer of the same data version. */
  readonly checked: number;
  /** Of those, answers whose data differed: a cached answer the ingest should have dropped. */
  readonly stale: number;
  /** Answers not compared: sent before the first commit or while an ingest ran, or no reference of their version. */
  readonly unchecked: number;
  readonly firstStale?: string;
  /** The latest a stale answer came back after its version's commit, in ms (how long invalidation lagged at most). */
  readonly staleWithinMs?: number;
}

/**
 * Compares answers received after an ingest's commit with a fresh uncached answer of the same
 * variables. Time is cut into versions: each ingest's start and commit begins a new one. An
 * answer is compared only when its request was sent after a commit and it came back before the
 * next ingest began, against a reference fetched (once per version and variable set, at most
 * `referencesPerVersion` sets) and received within that same version, so both saw the same data.
 */
export class StaleCheck {
  #version = 0;
  #committed = false;
  #references = new Map<number, Promise<string | undefined>>();
  #checked = 0;
  #stale = 0;
  #unchecked = 0;
  #firstStale: string | undefined;
  #committedAt = 0;
  #staleWithinMs: number | undefined;

  constructor(
    private readonly fetchReference: (variableSet: number) => Promise<string>,
    private readonly referencesPerVersion = 25,
  ) {}

  /** The version a request sent now belongs to; null while no commit is behind it (not checked). */
  get current(): number | null {
    return this.#committed ? this.#version : null;
  }

  ingestStarting(): void {
    this.#committed = false;
    this.#nextVersion();
  }

  ingestCommitted(): void {
    this.#committed = true;
    this.#committedAt = performance.now();
    this.#nextVersion();
  }

  #nextVersion(): void {
    this.#version++;
    this.#references = new Map();
  }

  /** Checks one answer of `variableSet`, whose request was sent at `sentIn` (`current` then). */
  async check(sentIn: number | null, variableSet: number, answer: string): Promise<void> {
    if (sentIn === null || sentIn !== this.#version) return void this.#unchecked++;
    const references = this.#references;
    let reference = references.get(variableSet);
    if (!reference) {
      if (references.size >= this.referencesPerVersion) return void this.#unchecked++;
      reference = this.fetchReference(variableSet).then(
        (body) => (this.#version === sentIn ? body : undefined),
        () => undefined,
      );
      references.set(variableSet, reference);
    }
    const receivedAfterCommitMs = performance.now() - this.#committedAt;
    const body = await reference;
    if (body === undefined) return void this.#unchecked++;
    this.#checked++;
    if (!sameData(answer, body)) {
      this.#stale++;
      this.#staleWithinMs = Math.max(this.#staleWithinMs ?? 0, receivedAfterCommitMs);
      this.#firstStale ??= `variable set ${variableSet}: got ${answer.slice(0, 200)} expected ${body.slice(0, 200)}`;
    }
  }

  figures(): StaleFigures {
    return {
      checked: this.#checked,
      stale: this.#stale,
      unchecked: this.#unchecked,
      ...(this.#firstStale !== undefined && { firstStale: this.#firstStale }),
      ...(this.#staleWithinMs !== undefined && { staleWithinMs: this.#staleWithinMs }),
    };
  }
}
