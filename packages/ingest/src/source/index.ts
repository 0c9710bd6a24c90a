import { resolve } from "node:path";
import type { PrismaClient } from "@hkhealth/store";
import { download } from "./download.js";
import type { FetchedFile } from "./fetched-file.js";
import { readLocalFile } from "./local-file.js";

export type { FetchedFile, Validators } from "./fetched-file.js";

const DEFAULT_FETCH_TIMEOUT_MS = 5 * 60_000;

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** A URL as given; a path made absolute, so one file is one Source however it was named. */
export function normaliseLocation(location: string): string {
  return isUrl(location) ? location : resolve(location);
}

/**
 * The bytes at a location: a local file, or a download made conditional on the validators this
 * dataset's Source row keeps for the URL ("unchanged" when the server says nothing changed).
 */
export async function fetchFile(
  prisma: PrismaClient,
  datasetId: string,
  location: string,
  timeoutMs = DEFAULT_FETCH_TIMEOUT_MS,
  interruption?: AbortSignal,
): Promise<FetchedFile | "unchanged"> {
  if (!isUrl(location)) return readLocalFile(location);
  const validators = await prisma.source.findUnique({
    where: { datasetId_location: { datasetId, location } },
    select: { etag: true, lastModified: true },
  });
  return download(location, validators ?? undefined, timeoutMs, interruption);
}
