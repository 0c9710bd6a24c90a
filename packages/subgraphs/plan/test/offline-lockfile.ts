import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A lockfile for a project outside the workspace that installs our packed packages beside its
 * own copies of the shared singletons, so that `pnpm install --offline --frozen-lockfile` needs
 * nothing but pnpm's store. pnpm resolves offline only from its metadata cache, which a workspace
 * install with a lockfile never fills, so an offline install without a lockfile fails
 * (ERR_PNPM_NO_OFFLINE_META). This one takes every third-party package and snapshot from the
 * workspace's lockfile (the versions the workspace installed, all in the store; pnpm installs only
 * those the project reaches), and adds our tarballs and the project's importer.
 */

/** A package of ours: its folder in the workspace and the tarball `pnpm pack` made of it. */
export interface PackedPackage {
  readonly dir: string;
  readonly name: string;
  readonly tarball: string;
}

type Importers = Record<string, Record<string, Record<string, string>>>;

/** The text of one top-level section of a lockfile (`packages:` and the like), without its heading. */
function section(lockfile: string, name: string): string {
  const start = lockfile.indexOf(`\n${name}:\n`);
  if (start < 0) throw new Error(`The workspace lockfile has no ${name} section`);
  const body = lockfile.slice(start + name.length + 3);
  const next = body.search(/\n[a-zA-Z]+:\n/);
  return next < 0 ? body : body.slice(0, next + 1);
}

/** Each importer's resolved versions, by group (dependencies, devDependencies) and name. */
function lockedImporters(lockfile: string): Importers {
  const importers: Importers = {};
  let importer = "";
  let group = "";
  let name = "";
  const unquoted = (text: string) => text.replace(/^'(.*)'$/, "$1");
  for (const line of section(lockfile, "importers").split("\n")) {
    const content = line.trim().replace(/:$/, "");
    if (!content) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 2) importers[(importer = content)] = {};
    else if (indent === 4) importers[importer]![(group = content)] = {};
    else if (indent === 6) name = unquoted(content);
    else if (indent === 8 && content.startsWith("version: ")) importers[importer]![group]![name] = unquoted(content.slice("version: ".length));
  }
  return importers;
}

const entries = (object: Record<string, unknown>) =>
  Object.entries(object)
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}\n`)
    .join("");

/**
 * Writes nothing: returns the consumer's package.json dependencies and its pnpm-lock.yaml (JSON
 * values inside YAML, which pnpm reads the same). `singletons` are the project's own copies, at
 * the versions the workspace pins (the only ones in the store); `tarballs` is the folder, relative
 * to the project, holding our packed packages.
 */
export async function offlineConsumer(options: {
  workspaceRoot: string;
  project: string;
  tarballs: string;
  packed: readonly PackedPackage[];
  singletons: readonly string[];
}): Promise<{ dependencies: Record<string, string>; lockfile: string }> {
  const workspaceLockfile = await readFile(join(options.workspaceRoot, "pnpm-lock.yaml"), "utf8");
  const importers = lockedImporters(workspaceLockfile);
  const tarballVersion = (tarball: string) => `file:${options.tarballs}/${tarball}`;
  const byDir = new Map(options.packed.map((pkg) => [pkg.dir, pkg]));
  // The singletons as the workspace resolved them (with their own peers), from a package pinning them all.
  const pinned = importers["packages/store"]?.devDependencies ?? {};
  const singletonVersion = (name: string) => {
    const version = pinned[name];
    if (!version) throw new Error(`packages/store pins no ${name} as a dev dependency`);
    return version;
  };

  const packages: Record<string, unknown> = {};
  const snapshots: Record<string, unknown> = {};
  for (const pkg of options.packed) {
    const manifest = JSON.parse(await readFile(join(options.workspaceRoot, pkg.dir, "package.json"), "utf8")) as {
      version: string;
      peerDependencies?: Record<string, string>;
    };
    const key = `${pkg.name}@${tarballVersion(pkg.tarball)}`;
    const integrity = `sha512-${createHash("sha512").update(await readFile(join(options.project, options.tarballs, pkg.tarball))).digest("base64")}`;
    packages[key] = { resolution: { integrity, tarball: tarballVersion(pkg.tarball) }, version: manifest.version, peerDependencies: manifest.peerDependencies ?? {} };
    const dependencies: Record<string, string> = {};
    for (const [name, version] of Object.entries(importers[pkg.dir]?.dependencies ?? {})) {
      if (!version.startsWith("link:")) dependencies[name] = version;
      else {
        const linked = byDir.get(join(pkg.dir, version.slice("link:".length)));
        if (!linked) throw new Error(`${pkg.name} needs ${name}, which is not packed`);
        dependencies[name] = tarballVersion(linked.tarball);
      }
    }
    for (const name of Object.keys(manifest.peerDependencies ?? {})) dependencies[name] = singletonVersion(name);
    snapshots[key] = { dependencies };
  }

  const importer: Record<string, { specifier: string; version: string }> = {};
  for (const name of options.singletons) importer[name] = { specifier: singletonVersion(name).replace(/\(.*$/, ""), version: singletonVersion(name) };
  for (const pkg of options.packed) importer[pkg.name] = { specifier: `file:./${options.tarballs}/${pkg.tarball}`, version: tarballVersion(pkg.tarball) };
  const lockfile =
    `lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\n` +
    `importers:\n  .: ${JSON.stringify({ dependencies: importer })}\n\n` +
    `packages:\n${entries(packages)}${section(workspaceLockfile, "packages")}\n` +
    `snapshots:\n${entries(snapshots)}${section(workspaceLockfile, "snapshots")}`;
  return { dependencies: Object.fromEntries(Object.entries(importer).map(([name, entry]) => [name, entry.specifier])), lockfile };
}
