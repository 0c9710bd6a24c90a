import type { TypeGraphQLClass } from "./build-subgraph.js";
import type { GraphContext } from "./context.js";
import { answeredBy } from "./partial-answers.js";
import { DatasetReference, ReleaseReference } from "./references.js";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

/** What a typed object keeps of the record it was read from, to link back to its dataset and release. */
export interface RecordOrigin {
  readonly datasetId: string;
  readonly ingestionId: number;
}

/** What a typed view is keyed by. */
export interface ViewKey {
  readonly datasetId: string;
}

type Keyed<T> = abstract new (...args: never[]) => T;

/** `dataset: Dataset` on a view or typed object: a reference the gateway completes from the plan subgraph. */
export function datasetLinkResolver(type: Keyed<ViewKey>, description: string): TypeGraphQLClass {
  @Resolver(() => type)
  class DatasetLinkResolver {
    @FieldResolver(() => DatasetReference, answeredBy("plan", description))
    dataset(@Root() keyed: ViewKey): DatasetReference {
      return { id: keyed.datasetId };
    }
  }
  return DatasetLinkResolver;
}

/** The plan release a record's file was ingested under, if any (batched per request). */
export async function releaseOfIngestion(context: GraphContext, ingestionId: number): Promise<ReleaseReference | null> {
  const ingestion = await context.records.ingestionById.load(ingestionId);
  return ingestion?.releaseId ? { id: ingestion.releaseId } : null;
}

/**
 * `dataset` and `release` on a typed object. The release is the one its file was ingested
 * under, loaded through the per-request ingestion loader, so a page of objects costs one
 * statement; null for datasets outside the plan.
 */
export function recordLinksResolver(type: Keyed<RecordOrigin>): TypeGraphQLClass[] {
  @Resolver(() => type)
  class ReleaseLinkResolver {
    @FieldResolver(() => ReleaseReference, answeredBy("plan", "The plan release of the file this was read from; null for a dataset outside the plan."))
    release(@Root() origin: RecordOrigin, @Ctx() context: GraphContext): Promise<ReleaseReference | null> {
      return releaseOfIngestion(context, origin.ingestionId);
    }
  }
  return [datasetLinkResolver(type, "The dataset this was read from."), ReleaseLinkResolver];
}
