import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { exampleTabs } from "./examples.js";

type FetcherParams = Parameters<Parameters<typeof GraphiQL>[0]["fetcher"]>[0];

/** GraphiQL served from the app's own build: no CDN, so it works where Apollo Sandbox cannot load. */
async function fetcher(params: FetcherParams) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify(params),
  });
  return response.json();
}

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultTabs={exampleTabs} />
  </StrictMode>,
);
