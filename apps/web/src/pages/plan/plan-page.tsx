import { PlanProgressDocument, type IsoDate, type ReleaseStatus } from "@hkhealth/client";
import { useState } from "react";
import { Empty, ErrorState, Loading } from "../../components/states.js";
import { client } from "../../lib/client.js";
import { graphLanguage, useLang } from "../../lib/i18n.js";
import { useQuery } from "../../lib/use-query.js";

/** Today in Hong Kong (UTC+8, no daylight saving), as the graph's Date. */
function todayInHongKong(): IsoDate {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) as IsoDate;
}

export function PlanPage() {
  const { lang, t } = useLang();
  const [asOf, setAsOf] = useState<IsoDate>(todayInHongKong);
  const query = useQuery(() => client.request(PlanProgressDocument, { asOf, lang: graphLanguage[lang] }), [asOf, lang]);

  return (
    <section>
      <h1>{t.planTitle}</h1>
      <label className="controls">
        {t.asOf}{" "}
        <input type="date" data-testid="as-of" value={asOf} onChange={(event) => event.target.value && setAsOf(event.target.value as IsoDate)} />
      </label>
      {query.status === "loading" && <Loading />}
      {query.status === "error" && <ErrorState error={query.error} retry={query.reload} />}
      {query.status === "done" && query.data.agencies.length === 0 && <Empty>{t.noRecords}</Empty>}
      {query.status === "done" &&
        query.data.agencies.map((agency) => {
          const releases = agency.datasets
            .flatMap((dataset) => dataset.releases.map((release) => ({ ...release, title: dataset.title })))
            .sort((a, b) => a.month.localeCompare(b.month) || a.planRow.localeCompare(b.planRow));
          const count = (status: ReleaseStatus) => releases.filter((release) => release.status === status).length;
          return (
            <article key={agency.code} className="agency" data-agency={agency.code}>
              <h2>
                {agency.name} <small data-testid={`summary-${agency.code}`}>({t.summary}: {count("RELEASED")} / {count("PLANNED")} / {count("DUE")})</small>
              </h2>
              <ol className="timeline">
                {releases.map((release) => (
                  <li key={release.id} className={`release status-${release.status}`} data-release-id={release.id} data-status={release.status}>
                    <span className="month">{release.month}</span>
                    <span className="badge">{t.status[release.status]}</span>
                    <strong>{release.title}</strong>
                    <span className="meta">
                      {t.planRow} {release.planRow} · {t.formats}: {release.formats.join(", ")}
                      {release.releasedMonth && ` · ${t.released} ${release.releasedMonth}`}
                    </span>
                    {release.description && <span className="remarks">{t.remarks}: {release.description}</span>}
                  </li>
                ))}
              </ol>
            </article>
          );
        })}
    </section>
  );
}
