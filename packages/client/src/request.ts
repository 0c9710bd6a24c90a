import type { TypedDocumentString } from "./generated/graphql.js";

/** One error of a GraphQL answer, as the gateway words it. */
export interface GraphQLErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

/** Why a request brought no data: the gateway unreachable, an HTTP refusal, or GraphQL errors. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    /** "unreachable" (no answer at all), "http" (refused before GraphQL ran) or "graphql" (errors in the answer). */
    readonly kind: "unreachable" | "http" | "graphql",
    readonly errors: readonly GraphQLErrorEntry[] = [],
    readonly status?: number,
  ) {
    super(message);
    this.name = "GraphQLRequestError";
  }
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. "http://localhost:4000/graphql" or "/graphql". */
  readonly url: string;
  /** Extra headers on every request (an API key, a client name). */
  readonly headers?: Readonly<Record<string, string>>;
  /** fetch to use; the global one by default. */
  readonly fetch?: typeof fetch;
}

export type Variables<TVariables> = TVariables extends Record<string, never> ? [variables?: TVariables] : [variables: TVariables];

export interface Client {
  /** Runs a typed operation: its data, or a GraphQLRequestError saying what went wrong. */
  request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, ...variables: Variables<TVariables>): Promise<TResult>;
}

interface GraphQLAnswer {
  readonly data?: unknown;
  readonly errors?: readonly GraphQLErrorEntry[];
}

async function readAnswer(response: Response): Promise<GraphQLAnswer | undefined> {
  try {
    return (await response.json()) as GraphQLAnswer;
  } catch {
    return undefined;
  }
}

/** A client of the gateway: POSTs typed documents as JSON, answers typed data. */
export function createClient(options: ClientOptions): Client {
  const fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  return {
    async request(document, ...[variables]) {
      let response: Response;
      try {
        response = await fetchFn(options.url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...options.headers },
          body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
        });
      } catch (cause) {
        throw new GraphQLRequestError(`The gateway at ${options.url} could not be reached (${cause instanceof Error ? cause.message : String(cause)})`, "unreachable");
      }
      const answer = await readAnswer(response);
      const errors = answer?.errors ?? [];
      if (errors.length > 0) {
        throw new GraphQLRequestError(errors.map((error) => error.message).join("; "), "graphql", errors, response.status);
      }
      if (!response.ok || answer?.data == null) {
        throw new GraphQLRequestError(`The gateway at ${options.url} answered HTTP ${response.status} without data`, "http", [], response.status);
      }
      return answer.data as never;
    },
  };
}
