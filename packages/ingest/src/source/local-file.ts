import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { IngestError } from "../errors.js";
import { ByteDigest } from "./digest.js";
import type { FetchedFile } from "./fetched-file.js";

/** A file on disk, hashed as it streams (it is read again to parse: files can be large). */
export async function readLocalFile(path: string): Promise<FetchedFile> {
  const fetchedAt = new Date();
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new IngestError(path, error.code === "ENOENT" ? "no such file" : `cannot be read (${error.message})`);
  });
  if (!stats.isFile()) throw new IngestError(path, "is not a file");
  const digest = new ByteDigest();
  try {
    for await (const chunk of createReadStream(path)) digest.update(chunk as Buffer);
  } catch (error) {
    throw new IngestError(path, `cannot be read (${(error as Error).message})`);
  }
  return { path, location: path, fetchedAt, ...digest.result(), dispose: async () => {} };
}
