import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";
import { IngestError, IngestInterrupted } from "../errors.js";
import { ByteDigest } from "./digest.js";
import type { FetchedFile, Validators } from "./fetched-file.js";

/**
 * GETs a URL, conditionally when validators from the last fetch are given, and streams the body
 * to a temporary file while hashing it. "unchanged" for 304 Not Modified. Any other failure
 * (a status other than 2xx, no connection, the time running out) is an IngestError naming the URL;
 * `interruption` aborting (Ctrl-C) stops it with IngestInterrupted.
 */
export async function download(
  url: string,
  validators: Validators | undefined,
  timeoutMs: number,
  interruption?: AbortSignal,
): Promise<FetchedFile | "unchanged"> {
  const fetchedAt = new Date();
  // Held here, not only inside AbortSignal.any: a timeout signal nothing else refers to can be
  // garbage-collected before it fires, and the fetch of a stalled server then never ends.
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([timeout, ...(interruption ? [interruption] : [])]);
  const fail = (error: unknown): never => {
    if (interruption?.aborted) throw new IngestInterrupted(url);
    throw new IngestError(url, timeout.aborted ? `no complete answer within ${timeoutMs} ms` : `could not be fetched (${causeOf(error)})`);
  };
  const response = await fetch(url, { headers: conditionalHeaders(validators), signal }).catch(fail);
  if (response.status === 304) {
    await response.body?.cancel();
    return "unchanged";
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new IngestError(url, `the server answered ${response.status} ${response.statusText}`.trimEnd());
  }
  const folder = await mkdtemp(join(tmpdir(), "hkhealth-ingest-"));
  const dispose = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, "download");
  const digest = new ByteDigest();
  try {
    await pipeline(
      Readable.fromWeb(response.body as ReadableStream<Uint8Array>),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          digest.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
  } catch (error) {
    await dispose();
    fail(error);
  }
  const header = (name: string) => response.headers.get(name) ?? undefined;
  return {
    path,
    location: url,
    fetchedAt,
    ...digest.result(),
    contentType: header("content-type"),
    etag: header("etag"),
    lastModified: header("last-modified"),
    dispose,
  };
}

function conditionalHeaders(validators: Validators | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators?.etag) headers["If-None-Match"] = validators.etag;
  if (validators?.lastModified) headers["If-Modified-Since"] = validators.lastModified;
  return headers;
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND...) is in its cause. */
export function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  if (cause instanceof AggregateError && cause.errors.length > 0) return causeOf(cause.errors[0]);
  return cause instanceof Error ? cause.message : String(cause);
}
