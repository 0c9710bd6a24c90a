export { mirroredUrl } from "./mirrored-url.js";
export * from "./backfill/index.js";
