import { lazy, Suspense, useEffect, useState } from "react";
import { Layout } from "./components/layout.js";
import { Loading } from "./components/states.js";
import { initialLang, LangProvider, type Lang } from "./lib/i18n.js";
import { useRoute } from "./lib/router.js";
import { AeNowPage } from "./pages/ae-now/ae-now-page.js";

// The home page loads with the app; the other two only when visited.
const PlanPage = lazy(() => import("./pages/plan/plan-page.js").then((module) => ({ default: module.PlanPage })));
const ExplorerPage = lazy(() => import("./pages/datasets/explorer-page.js").then((module) => ({ default: module.ExplorerPage })));

export function App() {
  const route = useRoute();
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    localStorage.setItem("lang", lang);
    document.documentElement.lang = lang === "zh" ? "zh-Hant-HK" : "en";
  }, [lang]);
  return (
    <LangProvider lang={lang} setLang={setLang}>
      <Layout route={route}>
        <Suspense fallback={<Loading />}>
          {route === "ae" && <AeNowPage />}
          {route === "plan" && <PlanPage />}
          {route === "datasets" && <ExplorerPage />}
        </Suspense>
      </Layout>
    </LangProvider>
  );
}
