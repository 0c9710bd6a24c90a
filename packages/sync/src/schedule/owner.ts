import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** This process's name in claims: readable in the table, and unique even for two processes with one pid on two hosts. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}
