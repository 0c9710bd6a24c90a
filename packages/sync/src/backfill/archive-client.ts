import { fetchFailureCause } from "@hkhealth/ingest";
import { mirroredUrl } from "../mirrored-url.js";
import { archiveDate, daysIn, halves, monthsOf, parseArchiveTimestamp, type DayRange } from "./archive-time.js";
import type { RequestRate } from "./request-rate.js";

/** DATA.GOV.HK's historical archive API. */
export const ARCHIVE_API = "https://api.data.gov.hk/v1/historical-archive";

/** The most timestamps one list-file-versions call returns. */
export const MAX_VERSIONS_PER_CALL = 10_000;

const LIST_TIMEOUT_MS = 60_000;

/** One archived version of a file. */
export interface ArchivedVersion {
  /** As the archive writes it, "20260105-0430" (Hong Kong time). */
  readonly timestamp: string;
  readonly time: Date;
}

/** The archive could not answer a request: names the URL asked and what came back. */
export class ArchiveError extends Error {
  constructor(
    readonly url: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`${url}: ${problem}`, options);
    this.name = "ArchiveError";
  }
}

export interface ArchiveClientOptions {
  /** SOURCES_MIRROR: the archive's host is mirrored like every other. */
  readonly mirror?: string | undefined;
  /** Every request to the archive takes a turn from it, list and file alike. */
  readonly rate: RequestRate;
  readonly signal?: AbortSignal | undefined;
}

export class ArchiveClient {
  constructor(readonly options: ArchiveClientOptions) {}

  /** Where the version of `fileUrl` archived at `timestamp` is fetched from (through the mirror). */
  fileVersionUrl(fileUrl: string, timestamp: string): string {
    const query = new URLSearchParams({ url: fileUrl, time: timestamp });
    return mirroredUrl(`${ARCHIVE_API}/get-file?${query}`, this.options.mirror);
  }

  /**
   * Every version of `fileUrl` archived on the days of `range`, oldest first. Asked month by
   * month (a call returns at most 10,000); a month that fills a call is asked again in halves.
   */
  async versions(fileUrl: string, range: DayRange): Promise<ArchivedVersion[]> {
    const found: ArchivedVersion[] = [];
    for (const month of monthsOf(range)) found.push(...(await this.#versionsIn(fileUrl, month)));
    const unique = new Map(found.map((version) => [version.timestamp, version]));
    return [...unique.values()].sort((a, b) => a.time.getTime() - b.time.getTime());
  }

  async #versionsIn(fileUrl: string, range: DayRange): Promise<ArchivedVersion[]> {
    const { url, count, timestamps } = await this.#list(fileUrl, range);
    if (timestamps.length < MAX_VERSIONS_PER_CALL && count <= timestamps.length) return timestamps.map((timestamp) => versionOf(timestamp, url));
    if (daysIn(range) === 1) throw new ArchiveError(url, `more than ${MAX_VERSIONS_PER_CALL} versions in one day: the archive cannot list them all`);
    const [first, second] = halves(range);
    return [...(await this.#versionsIn(fileUrl, first)), ...(await this.#versionsIn(fileUrl, second))];
  }

  async #list(fileUrl: string, range: DayRange): Promise<{ url: string; count: number; timestamps: string[] }> {
    const query = new URLSearchParams({ url: fileUrl, start: archiveDate(range.start), end: archiveDate(range.end) });
    const url = mirroredUrl(`${ARCHIVE_API}/list-file-versions?${query}`, this.options.mirror);
    const { signal } = this.options;
    await this.options.rate.take(signal);
    signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(LIST_TIMEOUT_MS);
    const response = await fetch(url, { signal: AbortSignal.any([timeout, ...(signal ? [signal] : [])]) }).catch((error: unknown) => {
      if (signal?.aborted) throw signal.reason;
      throw new ArchiveError(url, timeout.aborted ? `no answer within ${LIST_TIMEOUT_MS} ms` : `could not be fetched (${fetchFailureCause(error)})`);
    });
    const text = await response.text();
    if (!response.ok) throw new ArchiveError(url, `the archive answered ${response.status} ${response.statusText}${excerpt(text)}`.trimEnd());
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ArchiveError(url, `the archive's answer is not JSON${excerpt(text)}`);
    }
    const { "version-count": count, timestamps } = (body ?? {}) as { "version-count"?: unknown; timestamps?: unknown };
    if (typeof count !== "number" || !Array.isArray(timestamps) || !timestamps.every((item) => typeof item === "string")) {
      throw new ArchiveError(url, `the archive's answer has no "version-count" number and "timestamps" list${excerpt(text)}`);
    }
    return { url, count, timestamps };
  }
}

function versionOf(timestamp: string, url: string): ArchivedVersion {
  const time = parseArchiveTimestamp(timestamp);
  if (time === undefined) throw new ArchiveError(url, `the archive listed ${JSON.stringify(timestamp)}, which is not a YYYYMMDD-HHMM timestamp`);
  return { timestamp, time };
}

/** The start of an answer, for a message: " (…)", or nothing for an empty one. */
function excerpt(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") return "";
  return ` (${trimmed.length > 120 ? `${trimmed.slice(0, 117)}...` : trimmed})`;
}
