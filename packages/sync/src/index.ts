export { mirroredUrl } from "./mirrored-url.js";
