import { useEffect, useState } from "react";

/** The app's pages by path; the gateway answers each with index.html. */
export type Route = "ae" | "plan" | "datasets";

export function routeOf(pathname: string): Route {
  if (pathname.startsWith("/plan")) return "plan";
  if (pathname.startsWith("/datasets")) return "datasets";
  return "ae";
}

export const pathOf: Record<Route, string> = { ae: "/", plan: "/plan", datasets: "/datasets" };

/** The current route, following links made with `navigate` and the back button. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.pathname));
  useEffect(() => {
    const update = () => setRoute(routeOf(location.pathname));
    addEventListener("popstate", update);
    return () => removeEventListener("popstate", update);
  }, []);
  return route;
}

export function navigate(path: string): void {
  history.pushState(null, "", path);
  dispatchEvent(new PopStateEvent("popstate"));
}
