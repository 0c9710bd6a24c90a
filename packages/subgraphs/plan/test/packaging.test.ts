import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offlineConsumer } from "./offline-lockfile.js";

/**
 * Another team's install: our packages built, packed and installed into a project outside the
 * workspace that brings its own graphql. They must share that one copy (graphql checks
 * `instanceof` across its own classes and fails across two copies), and their types must
 * resolve for a TypeScript consumer.
 *
 * It reaches no network: pnpm installs the project with --offline from its store, which the
 * workspace's own install filled, following a lockfile made from the workspace's (see
 * offline-lockfile.ts). So the project's singletons are the workspace's versions, the only ones
 * in the store: a package bringing another version of one would show as a second path below,
 * and the manifest checks above catch a singleton taken as a dependency at all. It runs once,
 * on the PGlite project only, since the consumer's store is PGlite in memory either way.
 */
const run = promisify(execFile);
const workspaceRoot = resolve(fileURLToPath(import.meta.url), "../../../../..");
const packed = ["packages/plan", "packages/store", "packages/subgraph-kit", "packages/subgraphs/plan"];
const minutes = 60_000;
/** Libraries that must be one copy per project: our packages take the consumer's, never their own. */
const sharedSingletons = ["graphql", "type-graphql", "graphql-scalars", "class-validator", "reflect-metadata", "@opentelemetry/api"];

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  exports?: Record<string, { types?: string; default?: string }>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

async function publishedManifests(): Promise<Manifest[]> {
  const folders = ["packages", "packages/subgraphs"];
  const dirs = (await Promise.all(folders.map(async (folder) => (await readdir(join(workspaceRoot, folder))).map((entry) => join(workspaceRoot, folder, entry))))).flat();
  const manifests = await Promise.all(
    dirs.filter((dir) => existsSync(join(dir, "package.json"))).map(async (dir) => JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as Manifest),
  );
  return manifests.filter((manifest) => !manifest.private);
}

const consumerScript = `
import { createRequire } from "node:module";
import { graphql, GraphQLSchema, version } from "graphql";
import { createStore, loadCatalogue } from "@hkhealth/store";
import { createContext } from "@hkhealth/subgraph-kit";
import { buildPlanSubgraph } from "@hkhealth/subgraph-plan";

const store = await createStore();
try {
  await loadCatalogue(store.prisma);
  const { schema } = await buildPlanSubgraph();
  const result = await graphql({ schema, source: "{ agencies { code } }", contextValue: createContext(store) });
  const require = createRequire(import.meta.url);
  // Each dependent as its dependent sees it (pnpm gives a project only its own dependencies).
  const resolveFrom = (chain) => chain.reduce((from, name) => createRequire(from).resolve(name), import.meta.url);
  const graphqlFrom = (chain) => resolveFrom([...chain, "graphql"]);
  const dependents = [["@hkhealth/plan"], ["@hkhealth/store"], ["@hkhealth/subgraph-kit"], ["@hkhealth/subgraph-plan"], ["type-graphql"], ["graphql-scalars"], ["@hkhealth/subgraph-kit", "@apollo/subgraph"]];
  console.log(JSON.stringify({
    version,
    sameSchemaClass: schema instanceof GraphQLSchema,
    result,
    graphqlPaths: [...new Set([require.resolve("graphql"), ...dependents.map(graphqlFrom)])],
  }));
} finally {
  await store.close();
}
`;

/** Typed uses: a type that failed to resolve would be \`any\`, and the @ts-expect-error lines would then fail. */
const consumerTypes = `
import { GraphQLSchema } from "graphql";
import { createStore, type Store } from "@hkhealth/store";
import { createContext, type GraphContext } from "@hkhealth/subgraph-kit";
import { buildPlanSubgraph, PLAN_SUBGRAPH } from "@hkhealth/subgraph-plan";
import { catalogueAgencies } from "@hkhealth/plan";

export async function consume(): Promise<GraphQLSchema> {
  const store: Store = await createStore();
  const context: GraphContext = createContext(store);
  // @ts-expect-error the store is no number
  const wrong: number = context.store;
  const name: string = PLAN_SUBGRAPH;
  // @ts-expect-error the catalogue is no string
  const notText: string = catalogueAgencies;
  void wrong; void name; void notText;
  return (await buildPlanSubgraph()).schema;
}
`;

/** Builds and packs our packages, and makes a consumer project that installs the tarballs. */
async function makeConsumer(): Promise<string> {
  // Each package's own build script, not turbo: a turbo cache hit would rewrite the store's
  // generated client under the feet of the other test files running beside this one. Without
  // its type check (`pnpm typecheck` does that), and incremental (the build info lives in dist/,
  // so it goes with it), so that a build with nothing changed costs a second, not a minute.
  const buildArguments = ["run", "build", "--noCheck", "--incremental", "--tsBuildInfoFile", "dist/.tsbuildinfo"];
  await Promise.all(packed.map((dir) => run("pnpm", buildArguments, { cwd: join(workspaceRoot, dir), maxBuffer: 64 * 1024 * 1024 })));
  const project = await mkdtemp(join(tmpdir(), "hkhealth-consumer-"));
  const tarballs = join(project, "tarballs");
  await mkdir(tarballs);
  const packages = await Promise.all(
    packed.map(async (dir) => {
      const manifest = JSON.parse(await readFile(join(workspaceRoot, dir, "package.json"), "utf8")) as { name: string; version: string };
      await run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(workspaceRoot, dir) });
      return { dir, name: manifest.name, tarball: `${manifest.name.replace("@", "").replace("/", "-")}-${manifest.version}.tgz` };
    }),
  );
  const { dependencies, lockfile } = await offlineConsumer({ workspaceRoot, project, tarballs: "tarballs", packed: packages, singletons: sharedSingletons });
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "another-team", private: true, type: "module", dependencies }));
  await writeFile(join(project, "pnpm-lock.yaml"), lockfile);
  // No install scripts: nothing may download engines; the store runs on WebAssembly. No network:
  // everything comes from the workspace's pnpm store, named (pnpm would otherwise pick a store of
  // the scratch folder's own disk, empty, where the temporary folder is on another disk).
  const storeDir = (await run("pnpm", ["store", "path"], { cwd: workspaceRoot })).stdout.trim();
  await run("pnpm", ["install", "--offline", "--frozen-lockfile", "--ignore-scripts", "--reporter=silent", "--store-dir", storeDir], {
    cwd: project,
    maxBuffer: 64 * 1024 * 1024,
  });
  return project;
}

describe("the published packages' manifests", () => {
  it("take every shared singleton as a peer (pinned for the workspace as a dev dependency), never as their own copy", async () => {
    for (const manifest of await publishedManifests()) {
      for (const singleton of sharedSingletons) {
        expect(manifest.dependencies?.[singleton], `${manifest.name} depends on its own ${singleton}`).toBeUndefined();
        if (manifest.peerDependencies?.[singleton]) expect(manifest.devDependencies?.[singleton], `${manifest.name}: ${singleton}`).toBe("catalog:");
      }
    }
  });

  it("give main and types beside exports, all pointing at dist/", async () => {
    for (const manifest of await publishedManifests()) {
      const root = manifest.exports?.["."];
      expect({ main: manifest.main, types: manifest.types }, manifest.name).toEqual({ main: root?.default, types: root?.types });
      for (const target of Object.values(manifest.exports ?? {})) expect([target.types, target.default].every((path) => path?.startsWith("./dist/")), manifest.name).toBe(true);
    }
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))("packed packages in another team's project, installed offline", () => {
  let project = "";

  beforeAll(async () => {
    project = await makeConsumer();
  }, 15 * minutes);

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it("builds the plan subgraph with the store on PGlite and answers through the consumer's one graphql", async () => {
    await writeFile(join(project, "consume.mjs"), consumerScript);
    const environment = { ...process.env, NODE_ENV: "development", DATABASE_URL: "" };
    const { stdout } = await run(process.execPath, ["consume.mjs"], { cwd: project, env: environment, maxBuffer: 16 * 1024 * 1024 });
    const outcome = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
      version: string;
      sameSchemaClass: boolean;
      result: { data?: { agencies: Array<{ code: string }> }; errors?: unknown };
      graphqlPaths: string[];
    };
    const consumerGraphql = JSON.parse(await readFile(join(project, "node_modules/graphql/package.json"), "utf8")) as { version: string };
    expect(outcome.version).toBe(consumerGraphql.version);
    expect(outcome.graphqlPaths).toEqual([await realpath(join(project, "node_modules/graphql/index.js"))]);
    expect(outcome.sameSchemaClass).toBe(true);
    expect(outcome.result.errors).toBeUndefined();
    expect(outcome.result.data?.agencies.map((agency) => agency.code).sort()).toEqual(["DH", "HA", "HB"]);
  }, 5 * minutes);

  it("gives a TypeScript consumer the packages' types through their exports", async () => {
    await writeFile(join(project, "consume.ts"), consumerTypes);
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ["consume.ts"],
      }),
    );
    const tsc = join(workspaceRoot, "node_modules/typescript/bin/tsc");
    expect(existsSync(tsc)).toBe(true);
    const outcome = await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: project }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(outcome).toBe("");
  }, 5 * minutes);
});
