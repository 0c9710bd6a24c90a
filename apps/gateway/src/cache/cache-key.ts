import { createHash } from "node:crypto";
import type { Request } from "express";
import { parsedParameter } from "../http/request-operations.js";

/** What identifies an answer: the document (by SHA-256, as APQ names it), the operation and the variables. */
export interface CacheableOperation {
  readonly documentHash: string;
  readonly operationName: string | null;
  readonly variables: unknown;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Documents' SHA-256 by their text: the same few documents come back on every request. */
const documentHashes = new Map<string, string>();
const MAX_DOCUMENT_HASHES = 1_000;

function documentHashOf(text: string): string {
  let hash = documentHashes.get(text);
  if (hash) return hash;
  hash = sha256(text);
  if (documentHashes.size >= MAX_DOCUMENT_HASHES) documentHashes.delete(documentHashes.keys().next().value as string);
  documentHashes.set(text, hash);
  return hash;
}

/**
 * The operation of a single (not batched) GET or POST, when it can be cached: by its document's
 * text or, when only an APQ hash is sent, by that hash (the same document's SHA-256, so a GET by
 * hash and a POST of the text share one entry). Undefined for anything else, which Apollo answers.
 */
export function cacheableOperation(request: Request): CacheableOperation | undefined {
  const source: unknown = request.method === "GET" ? request.query : request.method === "POST" ? request.body : undefined;
  if (!source || typeof source !== "object" || Array.isArray(source)) return undefined;
  const { query, operationName, variables, extensions } = source as Record<string, unknown>;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
  const persisted = (parsedParameter(extensions) as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  const documentHash = typeof query === "string" ? documentHashOf(query) : typeof persisted?.sha256Hash === "string" ? persisted.sha256Hash : undefined;
  if (!documentHash) return undefined;
  return { documentHash, operationName: operationName ?? null, variables: parsedParameter(variables) ?? null };
}

/** Object keys sorted at every level: variables sent in another order are the same variables. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** The cache key: a hash of the supergraph (a new schema starts afresh) and of the operation. */
export function cacheKey(schemaHash: string, operation: CacheableOperation): string {
  return `${schemaHash}:${sha256(JSON.stringify([operation.documentHash, operation.operationName, canonical(operation.variables)]))}`;
}

/** A strong ETag of the exact bytes sent. */
export function strongEtag(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** Whether If-None-Match names this ETag (or is `*`); weak comparison, as RFC 9110 says for If-None-Match. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === etag);
}

export { sha256 };
