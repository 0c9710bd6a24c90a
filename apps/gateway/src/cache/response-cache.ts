import type { ApolloServerPlugin } from "@apollo/server";
import type { DataVersions, Store } from "@hkhealth/store";
import type { RequestHandler, Response } from "express";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import { observationOf } from "../observability/request-observation.js";
import { connectRedis } from "../rate-limits/redis-connection.js";
import type { CacheSettings } from "../settings.js";
import type { AnswerStore, CachedAnswer } from "./answer-store.js";
import { createCacheMetrics } from "./cache-metrics.js";
import { cacheableOperation, cacheKey, ifNoneMatchHits, sha256, strongEtag } from "./cache-key.js";
import type { DatasetReadsContext } from "./collect-dataset-reads.js";
import { cacheControl, maxAgeSeconds } from "./max-age.js";
import { versionStamp } from "./version-stamp.js";
import { MemoryAnswerStore } from "./memory-answer-store.js";
import { RedisAnswerStore } from "./redis-answer-store.js";

export const NO_STORE = "no-store";

/** A miss on its way through Apollo: where its answer goes, stamped with the versions read before it began. */
interface PendingAnswer {
  readonly key: string;
  readonly versions: DataVersions;
}

/** What a request's context carries for the cache. */
export interface ResponseCacheContext extends DatasetReadsContext {
  readonly pendingAnswer?: PendingAnswer;
}

export interface ResponseCache {
  /** Answers a cached operation (200, or 304 for a matching If-None-Match); passes the others on. */
  readonly serveCached: RequestHandler;
  /** Stores cacheable answers and sets Cache-Control and ETag on every answer. */
  readonly plugin: ApolloServerPlugin<ResponseCacheContext>;
  /** The cache's part of a request's context. */
  contextFor(response: Response): ResponseCacheContext;
  close(): Promise<void>;
}

function send(request: Parameters<RequestHandler>[0], response: Response, answer: CachedAnswer, control: string): void {
  response.setHeader("cache-control", control);
  response.setHeader("etag", answer.etag);
  if (ifNoneMatchHits(request.headers["if-none-match"], answer.etag)) {
    response.status(304).end();
    return;
  }
  response.status(200).setHeader("content-type", "application/json; charset=utf-8");
  response.setHeader("content-length", answer.body.byteLength);
  response.end(answer.body);
}

/**
 * The response cache: whole answers by document, operation name and variables, kept until a
 * dataset they read changes or until their max-age passes. Answers with errors, and mutations,
 * are never kept. Each gateway LISTENs for the ingest's NOTIFY (delivered on commit) and drops
 * the answers it makes stale; since that NOTIFY reaches another process a little after the
 * commit, a hit is also checked against the data's versions read after the request arrived
 * (one read shared by concurrent requests; see version-stamp.ts), so no answer older than a
 * commit that came before the request is ever served.
 */
export async function createResponseCache(options: {
  readonly settings: CacheSettings;
  readonly store: Store;
  readonly supergraphSdl: string;
  readonly metrics: Metrics;
  readonly logger: Logger;
}): Promise<ResponseCache> {
  const { settings, store, logger } = options;
  const redis = settings.redisUrl ? await connectRedis(settings.redisUrl, logger) : undefined;
  const answers: AnswerStore = redis ? new RedisAnswerStore(redis.client, settings.redisPrefix) : new MemoryAnswerStore(settings.maxBytes);
  const metrics = createCacheMetrics(options.metrics.registry, () => answers.bytesHeld());
  const schemaHash = sha256(options.supergraphSdl).slice(0, 16);
  const watch = await store.watchDataChanges((change) => {
    answers.invalidate(change).then(
      (dropped) => {
        metrics.invalidations.inc(dropped);
        metrics.changes.inc();
      },
      (error: unknown) => logger.warn({ err: { message: (error as Error).message }, change }, "The response cache could not drop the answers of a change"),
    );
  });

  const serveCached: RequestHandler = async (request, response, next) => {
    let operation;
    let key;
    try {
      operation = cacheableOperation(request);
      key = operation && cacheKey(schemaHash, operation);
    } catch {
      // Variables nested past the stack: the checks after this refuse them with a clear error.
      return next();
    }
    if (!operation || !key) return next();
    // The versions are read whether or not there is an answer: a miss stamps its answer with them.
    const [answer, versions] = await Promise.all([answers.get(key), watch.versions().catch(() => undefined)]);
    const stamp = answer && versions && versionStamp(answer.reads, versions);
    if (answer && stamp === answer.stamp) {
      metrics.hits.inc();
      // Logged and counted as an operation, like one Apollo answers.
      observationOf(response)?.operations.push({ name: operation.operationName, errors: [] });
      send(request, response, answer, cacheControl(answer.reads, settings));
      return;
    }
    metrics.misses.inc();
    if (answer && stamp !== undefined) metrics.outdated.inc();
    // Without versions (the database unreachable) the answer is sent, not kept.
    if (versions) response.locals.pendingAnswer = { key, versions } satisfies PendingAnswer;
    next();
  };

  const plugin: ApolloServerPlugin<ResponseCacheContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation }) {
          const headers = response.http.headers;
          const result = response.body.kind === "single" ? response.body.singleResult : undefined;
          const cacheable = result && !result.errors?.length && result.data && operation?.operation === "query" && (response.http.status ?? 200) === 200;
          if (!cacheable) {
            headers.set("cache-control", NO_STORE);
            return;
          }
          const reads = [...(contextValue.datasetReads ?? [])].sort();
          // The bytes Apollo sends (its prettyJSONStringify of errors, data, extensions), so the ETag is theirs.
          const body = Buffer.from(`${JSON.stringify({ data: result.data, extensions: result.extensions })}\n`);
          const etag = strongEtag(body);
          headers.set("cache-control", cacheControl(reads, settings));
          headers.set("etag", etag);
          const pending = contextValue.pendingAnswer;
          if (pending) {
            // Versions read before the answer began: a change committed while it ran makes them old, and the next request a miss.
            const answer: CachedAnswer = { body, etag, reads, stamp: versionStamp(reads, pending.versions) };
            await answers.set(pending.key, answer, Math.max(1, maxAgeSeconds(reads, settings)) * 1_000).catch(() => undefined);
          }
        },
      };
    },
  };

  return {
    serveCached,
    plugin,
    contextFor: (response) => ({ datasetReads: new Set(), ...(response.locals.pendingAnswer && { pendingAnswer: response.locals.pendingAnswer as PendingAnswer }) }),
    close: async () => {
      await watch.stop();
      await answers.close();
    },
  };
}
