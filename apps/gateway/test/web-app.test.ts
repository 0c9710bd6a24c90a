import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webAppRoutes } from "../src/web/web-app.js";

// The routes over a build of two pages and one asset, made here, not over apps/web/dist (which a
// fresh clone has not built).
const build = mkdtempSync(join(tmpdir(), "web-app-"));
mkdirSync(join(build, "assets"));
writeFileSync(join(build, "index.html"), "<title>app</title>");
writeFileSync(join(build, "graphiql.html"), "<title>graphiql</title>");
writeFileSync(join(build, "assets", "app-abc123.js"), "console.log(1)");

let servers: { built: string; unbuilt: string };
const closers: (() => void)[] = [];

async function serve(router: express.Router): Promise<string> {
  const app = express().use(router);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  closers.push(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  servers = { built: await serve(webAppRoutes(build)), unbuilt: await serve(webAppRoutes(join(build, "missing"))) };
});
afterAll(() => closers.forEach((close) => close()));

describe("the web app's routes", () => {
  it.each(["/", "/plan", "/datasets"])("answers %s with the app's page, revalidated on each visit", async (path) => {
    const response = await fetch(servers.built + path);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toBe("<title>app</title>");
  });

  it("answers /graphiql with GraphiQL's own page", async () => {
    expect(await (await fetch(`${servers.built}/graphiql`)).text()).toBe("<title>graphiql</title>");
  });

  it("serves hashed assets as immutable, and a missing one as 404", async () => {
    const asset = await fetch(`${servers.built}/assets/app-abc123.js`);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${servers.built}/assets/gone.js`)).status).toBe(404);
  });

  it("says how to build the app when there is no build", async () => {
    const response = await fetch(`${servers.unbuilt}/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("run `pnpm build --filter @hkhealth/web`");
  });
});
