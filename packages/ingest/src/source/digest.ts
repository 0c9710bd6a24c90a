import { createHash } from "node:crypto";

/** Enough of a file's start for detectFormat to sniff. */
const HEAD_BYTES = 512;

/** The SHA-256 and first bytes of a file, fed chunk by chunk as it streams past. */
export class ByteDigest {
  readonly #hash = createHash("sha256");
  readonly #head: Buffer[] = [];
  #headLength = 0;

  update(chunk: Buffer): void {
    this.#hash.update(chunk);
    if (this.#headLength < HEAD_BYTES) {
      this.#head.push(chunk);
      this.#headLength += chunk.length;
    }
  }

  result(): { sha256: string; firstBytes: Buffer } {
    return { sha256: this.#hash.digest("hex"), firstBytes: Buffer.concat(this.#head).subarray(0, HEAD_BYTES) };
  }
}
