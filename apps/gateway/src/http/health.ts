import { Router } from "express";
import type { Store } from "@hkhealth/store";

/**
 * GET /health answers while the process is up; GET /ready answers 200 only while the database
 * answers and the gateway is not stopping (503 otherwise, saying why), so a load balancer stops
 * sending traffic meanwhile. Without a store (every subgraph served elsewhere) the gateway is
 * ready while it is up.
 */
export function healthRoutes(store: Store | undefined, stopping: () => boolean): Router {
  const router = Router();
  router.get("/health", (_request, response) => {
    response.json({ status: "ok" });
  });
  router.get("/ready", async (_request, response) => {
    if (stopping()) {
      response.status(503).json({ status: "stopping" });
      return;
    }
    if (!store) {
      response.json({ status: "ready" });
      return;
    }
    try {
      await store.ping();
      response.json({ status: "ready", database: store.kind });
    } catch (error) {
      response.status(503).json({ status: "unavailable", error: (error as Error).message });
    }
  });
  return router;
}
