import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { datasetReadsOfCurrentWork, withDatasetReads } from "@hkhealth/store";
import type { RequestHandler } from "express";

/** The response extension in which a subgraph names the datasets its answer read (the gateway's cache keys invalidation on it). */
export const DATASETS_READ_EXTENSION = "datasetsRead";

/** Records the datasets read by everything the rest of this request's middleware chain runs (Apollo's execution included). */
export const recordRequestDatasetReads: RequestHandler = (_request, _response, next) => {
  withDatasetReads(() => next());
};

/** Puts what the request read into its response's `extensions.datasetsRead`, sorted. */
export const datasetReadsPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const reads = datasetReadsOfCurrentWork();
        if (!reads || response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, [DATASETS_READ_EXTENSION]: [...reads].sort() };
      },
    };
  },
};
