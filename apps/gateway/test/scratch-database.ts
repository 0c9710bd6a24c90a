// A database of its own on the server, for tests whose processes must share one by URL
// (createTestStore hides it). Dropped, whoever is still connected, by drop().
export { createTestDatabase as createScratchDatabase, type TestDatabase as ScratchDatabase } from "@hkhealth/store/testing";
