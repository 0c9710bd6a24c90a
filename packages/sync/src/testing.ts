import { resolve } from "node:path";

export { startMirrorServer, type MirrorBehaviour, type MirrorServer } from "./testing/mirror-server.js";

/** Our own files in the agencies' published layouts, laid out as SOURCES_MIRROR maps URLs. */
export const mirrorFixtures = resolve(import.meta.dirname, "../test/fixtures/mirror");
