import { DateTimeScalar } from "@hkhealth/plan";
import type { DistributionSyncRow } from "@hkhealth/store";
import { Field, Int, ObjectType } from "type-graphql";
import type { Distribution } from "./distribution.js";

@ObjectType({ description: "A failed check of an official file: the source was down, slow, answered non-2xx, or published a file that was refused." })
export class SourceError {
  @Field(() => DateTimeScalar, { description: "When the check failed." })
  at!: Date;

  @Field(() => String, { description: "What went wrong, as the sync reported it." })
  message!: string;
}

@ObjectType({ description: "How current the graph's copy of one official file is: when the sync last checked it, found it changed, and checks it next." })
export class DistributionFreshness {
  @Field(() => String, { description: "The file's official URL." })
  url!: string;

  @Field(() => String, { description: "The snapshot series the file fills." })
  resource!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "The last check that got an answer (a new file, the same bytes, or Not Modified); null if none has yet." })
  lastCheckedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "The last check that found new bytes and stored them; null if none has yet." })
  lastChangedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the next check is due; null before the sync has scheduled the file." })
  nextCheckAt!: Date | null;

  @Field(() => SourceError, { nullable: true, description: "The last failed check, kept after a later success; null if none has failed." })
  lastError!: SourceError | null;

  @Field(() => Boolean, { description: "Whether the latest check failed (the records stored before stay served)." })
  failing!: boolean;

  @Field(() => Int, { description: "Checks failed in a row since the last success (0 when the latest succeeded)." })
  consecutiveFailures!: number;
}

@ObjectType({ description: "How current a dataset's records are, over all its official files: the latest check and change, the earliest next check, and the latest error." })
export class DatasetFreshness {
  @Field(() => DateTimeScalar, { nullable: true, description: "The latest check of any of its files that got an answer; null if none has." })
  lastCheckedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "The latest time any of its files changed; null if none has been stored by the sync." })
  lastChangedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "The earliest next check of its files; null when none is scheduled." })
  nextCheckAt!: Date | null;

  @Field(() => SourceError, { nullable: true, description: "The latest failed check of any of its files; null if none has failed." })
  lastError!: SourceError | null;

  @Field(() => Boolean, { description: "Whether any of its files is failing now (its last good records stay served)." })
  failing!: boolean;

  @Field(() => [DistributionFreshness], { description: "Each official file's freshness, in the order of `Dataset.distributions`." })
  distributions!: DistributionFreshness[];
}

/** One file's freshness from its sync row; a file the sync has not seen yet has nulls. */
export function distributionFreshness(distribution: Distribution, row: DistributionSyncRow | undefined): DistributionFreshness {
  return {
    url: distribution.url,
    resource: distribution.resource,
    lastCheckedAt: row?.lastCheckedAt ?? null,
    lastChangedAt: row?.lastChangedAt ?? null,
    nextCheckAt: row?.nextCheckAt ?? null,
    lastError: row?.lastErrorAt && row.lastError !== null ? { at: row.lastErrorAt, message: row.lastError } : null,
    failing: (row?.failures ?? 0) > 0,
    consecutiveFailures: row?.failures ?? 0,
  };
}

/** The date that wins over all others by `beats`; null when there is none. */
function pick(dates: Array<Date | null>, beats: (date: Date, best: Date) => boolean): Date | null {
  return dates.reduce<Date | null>((best, date) => (date && (!best || beats(date, best)) ? date : best), null);
}
const latest = (dates: Array<Date | null>) => pick(dates, (date, best) => date > best);
const earliest = (dates: Array<Date | null>) => pick(dates, (date, best) => date < best);

/** A dataset's freshness in total, over its files' freshness. */
export function datasetFreshness(distributions: DistributionFreshness[]): DatasetFreshness {
  return {
    lastCheckedAt: latest(distributions.map((distribution) => distribution.lastCheckedAt)),
    lastChangedAt: latest(distributions.map((distribution) => distribution.lastChangedAt)),
    nextCheckAt: earliest(distributions.map((distribution) => distribution.nextCheckAt)),
    lastError: distributions.reduce<SourceError | null>(
      (last, { lastError }) => (lastError && (!last || lastError.at > last.at) ? lastError : last),
      null,
    ),
    failing: distributions.some((distribution) => distribution.failing),
    distributions,
  };
}
