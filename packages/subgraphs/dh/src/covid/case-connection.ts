import { connectionType, type LazyCountConnection } from "@hkhealth/subgraph-kit";
import { CovidCase } from "./case.js";

export const CovidCaseConnection = connectionType(CovidCase, "CovidCase", {
  edge: "A COVID-19 case and its position in the list.",
  node: "The case.",
  connection: "A page of COVID-19 cases, in case number order.",
  edges: "The cases of this page.",
});
export type CovidCaseConnection = LazyCountConnection<CovidCase>;
