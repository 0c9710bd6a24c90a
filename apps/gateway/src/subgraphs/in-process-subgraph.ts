import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { execute, parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from "graphql";
import { recordDatasetReads } from "@hkhealth/store";
import { DATASETS_READ_EXTENSION } from "@hkhealth/subgraph-kit";
import type { SubgraphResponse } from "./shared-fetches.js";

/** Fetch documents kept by their text when the gateway does not hand over its parsed one. */
const MAX_DOCUMENTS_BY_TEXT = 1_000;

/**
 * A subgraph run inside the gateway. Unlike `LocalGraphQLDataSource`, which parses and validates
 * every fetch with `graphql()`, it validates each fetch document once: the query planner hands
 * over the parsed document of its cached plan, so the same few documents come back for every
 * request, and only execution runs per fetch.
 */
export class InProcessSubgraph implements GraphQLDataSource {
  /** Validation errors of each document seen (empty when valid), by the planner's document object. */
  private readonly validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  private readonly byText = new Map<string, DocumentNode>();

  constructor(readonly schema: GraphQLSchema) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    const { request, context } = options;
    const document = ("document" in options && options.document) || this.parsed(request.query ?? "");
    if (document instanceof Error) return { errors: [document] };
    const errors = this.validationErrors(document);
    if (errors.length > 0) return { errors: [...errors] };
    // Reports the datasets the fetch read as a remote subgraph does (extensions.datasetsRead).
    const { result, reads } = await recordDatasetReads(
      async () =>
        (await execute({
          schema: this.schema,
          document,
          variableValues: request.variables,
          operationName: request.operationName,
          contextValue: context,
        })) as SubgraphResponse,
    );
    return { ...result, extensions: { ...result.extensions, [DATASETS_READ_EXTENSION]: [...reads].sort() } };
  }

  private validationErrors(document: DocumentNode): readonly GraphQLError[] {
    let errors = this.validated.get(document);
    if (!errors) {
      errors = validate(this.schema, document);
      this.validated.set(document, errors);
    }
    return errors;
  }

  private parsed(text: string): DocumentNode | GraphQLError {
    let document = this.byText.get(text);
    if (document) return document;
    try {
      document = parse(text);
    } catch (error) {
      return error as GraphQLError;
    }
    if (this.byText.size >= MAX_DOCUMENTS_BY_TEXT) this.byText.delete(this.byText.keys().next().value as string);
    this.byText.set(text, document);
    return document;
  }
}
