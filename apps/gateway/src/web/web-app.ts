import { existsSync } from "node:fs";
import { resolve } from "node:path";
import express, { Router } from "express";

/** Where `pnpm --filter @hkhealth/web build` puts the app, beside this package in the monorepo. */
export const defaultWebAppDir = resolve(import.meta.dirname, "../../../web/dist");

/** The app's own paths (client-side routes), each answered with its page. */
const appPaths = ["/", "/plan", "/datasets"];

/**
 * Serves the web app's build: its pages at /, /plan, /datasets, GraphiQL at /graphiql, and the
 * hashed assets (cached for a year: their names change with their content). Without a build,
 * those pages say how to make one.
 */
export function webAppRoutes(dir: string = defaultWebAppDir): Router {
  const router = Router();
  const built = existsSync(resolve(dir, "index.html"));
  if (!built) {
    router.get([...appPaths, "/graphiql"], (_request, response) => {
      response
        .status(404)
        .type("text/plain; charset=utf-8")
        .send(`The web app is not built (no index.html in ${dir}): run \`pnpm build --filter @hkhealth/web\`, or \`pnpm start\` from the repository root.\n`);
    });
    return router;
  }
  router.use("/assets", express.static(resolve(dir, "assets"), { immutable: true, maxAge: "365d", fallthrough: false }));
  const page = (file: string) => (_request: express.Request, response: express.Response) => {
    // The page itself always revalidates: a new build's asset names must reach browsers.
    response.setHeader("Cache-Control", "no-cache");
    response.sendFile(resolve(dir, file));
  };
  router.get(appPaths, page("index.html"));
  router.get("/graphiql", page("graphiql.html"));
  return router;
}
