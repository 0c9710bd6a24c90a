import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`), or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function onCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
}

/**
 * Whether the browser suite can run: without Chromium a newcomer's run skips it, saying so in the
 * suite's name; CI (CI=true) fails instead, so it never passes by skipping.
 */
export function browserSuite(name: string): { present: boolean; title: string } {
  const present = existsSync(chromiumPath);
  if (!present && onCi()) throw new Error(`${chromiumPath} not found: CI needs Chromium for the browser tests (apt-get install -y chromium)`);
  return { present, title: present ? name : `${name} (skipped: ${chromiumPath} not found; apt-get install -y chromium)` };
}

/** Flags for a quiet, offline-friendly headless Chromium that reaches nothing but the test's gateway. */
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A Chromium on a new empty profile (its --user-data-dir) that may reach only `origin`: every
 * other request (the map's tiles) is refused, so no test reaches the internet.
 */
export async function launchBrowser(origin: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), "web-browser-profile-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: flags, viewport });
  await context.route((url) => url.origin !== origin, (route) => route.abort("internetdisconnected"));
  return context;
}
