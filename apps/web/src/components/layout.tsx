import type { ReactNode } from "react";
import { useLang } from "../lib/i18n.js";
import { navigate, pathOf, type Route } from "../lib/router.js";

export function Layout(props: { route: Route; children: ReactNode }) {
  const { lang, t, setLang } = useLang();
  const link = (route: Route, label: string) => (
    <a
      href={pathOf[route]}
      aria-current={props.route === route ? "page" : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(pathOf[route]);
      }}
    >
      {label}
    </a>
  );
  return (
    <>
      <header className="top">
        <strong>{t.title}</strong>
        <nav>
          {link("ae", t.navAe)}
          {link("plan", t.navPlan)}
          {link("datasets", t.navDatasets)}
          <a href="/graphiql">{t.navGraphiql}</a>
        </nav>
        <button className="lang-switch" data-testid="lang-switch" onClick={() => setLang(lang === "en" ? "zh" : "en")}>
          {t.switchTo}
        </button>
      </header>
      <main>{props.children}</main>
    </>
  );
}
