import type { Prisma, PrismaClient } from "@hkhealth/store";
import type { FetchedFile } from "./source/index.js";

type Client = Prisma.TransactionClient | PrismaClient;

/** Remembers a location and the validators its server sent, so the next fetch can be conditional. */
export async function saveSource(client: Client, datasetId: string, file: FetchedFile): Promise<void> {
  const validators = { etag: file.etag ?? null, lastModified: file.lastModified ?? null, checkedAt: file.fetchedAt };
  await client.source.upsert({
    where: { datasetId_location: { datasetId, location: file.location } },
    create: { datasetId, location: file.location, ...validators },
    update: validators,
  });
}

/**
 * For bytes already ingested: stores the validators the server sent only when they are new, so
 * the next poll gets 304 Not Modified; writes nothing otherwise (always so for a local file).
 */
export async function refreshValidators(prisma: PrismaClient, datasetId: string, file: FetchedFile): Promise<void> {
  if (file.etag === undefined && file.lastModified === undefined) return;
  const stored = await prisma.source.findUnique({ where: { datasetId_location: { datasetId, location: file.location } } });
  if (stored && stored.etag === (file.etag ?? null) && stored.lastModified === (file.lastModified ?? null)) return;
  await saveSource(prisma, datasetId, file);
}
