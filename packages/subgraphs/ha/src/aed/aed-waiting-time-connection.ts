import { connectionType, type LazyCountConnection } from "@hkhealth/subgraph-kit";
import { AedWaitingTime } from "./aed-waiting-time.js";

export const AedWaitingTimeConnection = connectionType(AedWaitingTime, "AedWaitingTime", {
  edge: "A waiting time and its position in a hospital's history.",
  cursor: "Opaque position of this waiting time; pass it as `after`.",
  node: "The waiting time.",
  connection: "A page of one hospital's A&E waiting times, oldest first.",
  edges: "The waiting times of this page.",
});
export type AedWaitingTimeConnection = LazyCountConnection<AedWaitingTime>;
