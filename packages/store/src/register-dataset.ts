import type { AgencyCode, DataFormat, UpdateFrequency } from "@hkhealth/plan";
import { announceDataChange, CATALOGUE_CHANGED } from "./data-changes.js";
import type { PrismaClient, RecordMode } from "./generated/prisma/client.js";

/** A dataset an agency publishes outside the plan, so its files can be ingested too. */
export interface DatasetRegistration {
  readonly id: string;
  readonly agency: AgencyCode;
  readonly titleEn: string;
  readonly titleZh: string;
  readonly updateFrequency: UpdateFrequency;
  readonly formats: readonly DataFormat[];
  readonly recordMode?: RecordMode;
  readonly recordPath?: string | null;
  readonly observedAtField?: string | null;
  readonly resourcePerFile?: boolean;
  /** Fields its records are filtered by, indexed in its typed table (as a plan dataset's profile marks them). */
  readonly filterFields?: readonly string[];
  /** Fields its records are sorted by, "-name" for descending, indexed likewise. */
  readonly sortFields?: readonly string[];
}

/** Plan datasets take positions 1..999; registered ones follow, in registration order. */
const FIRST_REGISTERED_POSITION = 1000;

const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Registers (or updates) a dataset outside the plan. It appears in `datasets` after the plan's,
 * with no release. A plan dataset's id is refused: the plan is loaded from the catalogue only.
 */
export async function registerDataset(prisma: PrismaClient, registration: DatasetRegistration): Promise<void> {
  if (!slug.test(registration.id)) {
    throw new Error(`Dataset id ${JSON.stringify(registration.id)} must be a lowercase slug like "dh-chp-building-list"`);
  }
  if (!registration.titleEn.trim() || !registration.titleZh.trim()) throw new Error(`Dataset ${registration.id} needs English and Chinese titles`);
  const fields = {
    agencyCode: registration.agency,
    titleEn: registration.titleEn,
    titleZh: registration.titleZh,
    updateFrequency: registration.updateFrequency,
    formats: [...registration.formats],
    recordMode: registration.recordMode ?? "CUMULATIVE",
    recordPath: registration.recordPath ?? null,
    observedAtField: registration.observedAtField ?? null,
    resourcePerFile: registration.resourcePerFile ?? false,
    filterFields: [...(registration.filterFields ?? [])],
    sortFields: [...(registration.sortFields ?? [])],
  };
  await prisma.$transaction(async (tx) => {
    const existing = await tx.dataset.findUnique({ where: { id: registration.id }, select: { planName: true, position: true } });
    if (existing && existing.position < FIRST_REGISTERED_POSITION) {
      throw new Error(`Dataset ${registration.id} is in the plan; it cannot be registered again`);
    }
    if (existing) {
      const stored = await tx.dataset.findUnique({ where: { id: registration.id } });
      const unchanged = stored && Object.entries(fields).every(([name, value]) => JSON.stringify(stored[name as keyof typeof stored]) === JSON.stringify(value));
      if (unchanged) return; // registering again changes nothing, and announces nothing
      await tx.dataset.update({ where: { id: registration.id }, data: fields });
      await announceDataChange(tx, CATALOGUE_CHANGED);
      return;
    }
    await announceDataChange(tx, CATALOGUE_CHANGED);
    const last = await tx.dataset.aggregate({ _max: { position: true } });
    const position = Math.max(FIRST_REGISTERED_POSITION, (last._max.position ?? 0) + 1);
    await tx.dataset.create({ data: { id: registration.id, position, planName: null, categoryZh: null, ...fields } });
  });
}
