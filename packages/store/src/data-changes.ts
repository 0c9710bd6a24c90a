import type { Prisma } from "./generated/prisma/client.js";

/**
 * The channel on which every write that changes what the graph answers is announced, with a
 * NOTIFY sent inside the write's transaction: PostgreSQL delivers it only once the transaction
 * commits (never on a rollback), to every process LISTENing (each gateway's response cache).
 */
export const DATA_CHANGES_CHANNEL = "hkhealth_data_changes";

/** The payload of a change to the catalogue itself (agencies, datasets, releases): everything may have changed. */
export const CATALOGUE_CHANGED = "catalogue";

/** Payload sent when the listener may have missed changes (a lost connection): everything may have changed. */
export const ANYTHING_CHANGED = "*";

/** Announces, on commit, that the transaction `tx` changed `change`: a dataset id, or CATALOGUE_CHANGED. */
export async function announceDataChange(tx: Prisma.TransactionClient, change: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, DATA_CHANGES_CHANNEL, change);
}
