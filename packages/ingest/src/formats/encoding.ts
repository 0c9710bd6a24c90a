import { isUtf8 } from "node:buffer";
import { IngestError } from "../errors.js";

/**
 * Byte order marks of the encodings a text file may be in other than UTF-8, longest first
 * (UTF-32LE's starts like UTF-16LE's).
 */
const byteOrderMarks: ReadonlyArray<readonly [string, readonly number[]]> = [
  ["UTF-32LE", [0xff, 0xfe, 0x00, 0x00]],
  ["UTF-32BE", [0x00, 0x00, 0xfe, 0xff]],
  ["UTF-16LE", [0xff, 0xfe]],
  ["UTF-16BE", [0xfe, 0xff]],
];

/**
 * The encoding the first bytes of a text file show when it is not UTF-8: a byte order mark, or,
 * without one, the NUL bytes that UTF-16 and UTF-32 put beside every ASCII character (UTF-8 text
 * never starts with a NUL). Undefined when the start may be UTF-8.
 */
export function otherEncodingOf(start: Buffer): string | undefined {
  for (const [encoding, mark] of byteOrderMarks) {
    if (mark.every((byte, index) => start[index] === byte)) return `${encoding} (it starts with that byte order mark)`;
  }
  const [a, b, c, d] = start;
  const zeros = (...bytes: Array<number | undefined>) => bytes.every((byte) => byte === 0);
  if (start.length >= 4 && zeros(a, b, c) && d !== 0) return "UTF-32BE (no byte order mark: NUL bytes before each character)";
  if (start.length >= 4 && a !== 0 && zeros(b, c, d)) return "UTF-32LE (no byte order mark: NUL bytes after each character)";
  if (start.length >= 2 && a === 0 && b !== 0) return "UTF-16BE (no byte order mark: a NUL byte before each character)";
  if (start.length >= 2 && a !== 0 && b === 0) return "UTF-16LE (no byte order mark: a NUL byte after each character)";
  return undefined;
}

/** Bytes read before the encoding is judged: enough for any byte order mark. */
const judgedBytes = 4;

export interface Utf8Options {
  /** Refuse the file past this many bytes (whole-document readers). */
  readonly maxBytes?: number | undefined;
  /** Names the limit in the refusal. */
  readonly maxBytesSetting?: string | undefined;
}

/**
 * A file's bytes as they stream, refused unless they are UTF-8: a UTF-16 or UTF-32 file, with or
 * without a byte order mark, names its encoding; bytes that are not UTF-8 (Big5, GB2312, Latin-1)
 * name the line they are on and the encoding they look like. The bytes are passed on as read
 * (a UTF-8 byte order mark included), each chunk ending on a whole character. With `maxBytes`,
 * a larger file is refused as soon as that many bytes have come in.
 */
export async function* utf8Bytes(source: string, chunks: AsyncIterable<Buffer | string>, options: Utf8Options = {}): AsyncGenerator<Buffer> {
  let carried: Buffer = Buffer.alloc(0); // the start of the file, or of a character cut by a chunk's end
  let judged = false;
  let bytes = 0;
  let lines = 1;
  for await (const piece of chunks) {
    const chunk = typeof piece === "string" ? Buffer.from(piece) : piece;
    bytes += chunk.length;
    if (options.maxBytes !== undefined && bytes > options.maxBytes) {
      const setting = options.maxBytesSetting === undefined ? "" : ` (${options.maxBytesSetting})`;
      throw new IngestError(source, `is larger than the ${options.maxBytes.toLocaleString("en")} bytes a file of this format may have${setting}`);
    }
    const all = carried.length === 0 ? chunk : Buffer.concat([carried, chunk]);
    if (!judged) {
      if (all.length < judgedBytes) {
        carried = all;
        continue;
      }
      judged = true;
      refuseOtherEncoding(source, all);
    }
    const whole = all.length - cutCharacterLength(all);
    const complete = all.subarray(0, whole);
    if (!isUtf8(complete)) throw notUtf8(source, complete, lines);
    lines += countNewlines(complete);
    carried = Buffer.from(all.subarray(whole));
    if (complete.length > 0) yield complete;
  }
  if (!judged) refuseOtherEncoding(source, carried);
  if (!isUtf8(carried)) throw notUtf8(source, carried, lines);
  if (carried.length > 0) yield carried;
}

/** The text of utf8Bytes, without a byte order mark. */
export async function utf8Text(source: string, chunks: AsyncIterable<Buffer | string>, options: Utf8Options = {}): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of utf8Bytes(source, chunks, options)) parts.push(part);
  const text = Buffer.concat(parts).toString("utf8");
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** How many bytes at the end of a chunk begin a character that the chunk does not finish. */
function cutCharacterLength(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] as number;
    if (byte < 0x80) return 0; // ASCII: nothing cut
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? back : 0;
    }
    // a continuation byte: look further back for the lead byte
  }
  return 0;
}

function refuseOtherEncoding(source: string, start: Buffer): void {
  const encoding = otherEncodingOf(start);
  if (encoding !== undefined) throw new IngestError(source, `is encoded as ${encoding}, not UTF-8: save it as UTF-8`);
}

function countNewlines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count++;
  return count;
}

/** The refusal of a chunk that does not decode as UTF-8, at the line of its first bad byte. */
function notUtf8(source: string, chunk: Buffer, linesBefore: number): IngestError {
  const bad = firstInvalidUtf8(chunk);
  const line = linesBefore + countNewlines(chunk.subarray(0, bad));
  const shown = [...chunk.subarray(bad, bad + 2)].map((byte) => byte.toString(16).toUpperCase().padStart(2, "0")).join(" ");
  return new IngestError(source, `is not UTF-8 text: bytes ${shown} cannot be UTF-8${lookalike(chunk)}; save it as UTF-8`, `line ${line}`);
}

/** ", and the file looks like Big5" when the bytes decode as one of the encodings Hong Kong's files use. */
function lookalike(chunk: Buffer): string {
  for (const encoding of ["big5", "gb18030"]) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(chunk, { stream: true });
      return ` (it looks like ${encoding === "big5" ? "Big5" : "GB18030 (GB2312, GBK)"})`;
    } catch {
      // not this one
    }
  }
  return " (it is in another encoding, such as Latin-1)";
}

/** Offset of the first byte of a chunk that cannot start or continue a UTF-8 sequence (the chunk's length if none). */
function firstInvalidUtf8(chunk: Buffer): number {
  let index = 0;
  while (index < chunk.length) {
    const byte = chunk[index] as number;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    const end = Math.min(index + length, chunk.length);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(chunk.subarray(index, end), { stream: end < index + length });
    } catch {
      return index;
    }
    index = end;
  }
  return chunk.length;
}
