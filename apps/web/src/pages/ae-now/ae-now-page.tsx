import { AeNowDocument, type AeNowQuery } from "@hkhealth/client";
import { useMemo, useState } from "react";
import { Empty, ErrorState, Loading } from "../../components/states.js";
import { client } from "../../lib/client.js";
import { graphLanguage, useLang } from "../../lib/i18n.js";
import { useQuery } from "../../lib/use-query.js";
import { HospitalMap } from "./hospital-map.js";
import { WaitCharts } from "./wait-charts.js";
import { formatAge, formatInstant, formatWait } from "./format.js";
import { distanceKm, type Point } from "./geo.js";
import { SortControls, type SortChoice } from "./sort-controls.js";

type Dataset = NonNullable<AeNowQuery["dataset"]>;
export type AeWait = Extract<NonNullable<Dataset["view"]>, { latest: unknown }>["latest"][number];

function latestOf(dataset: Dataset | null): readonly AeWait[] {
  const view = dataset?.view;
  return view && "latest" in view ? view.latest : [];
}

const byWait = (a: AeWait, b: AeWait) => (a.triage3Median?.minutes ?? Infinity) - (b.triage3Median?.minutes ?? Infinity) || a.hospital.name.localeCompare(b.hospital.name);

export function AeNowPage() {
  const { lang, t } = useLang();
  const [sort, setSort] = useState<SortChoice>({ by: "wait" });
  const [selected, setSelected] = useState<string>();
  // Waits are numbers in every language's feed; the English one is read, names come in the page's language.
  const query = useQuery(() => client.request(AeNowDocument, { feedLang: "EN", lang: graphLanguage[lang] }), [lang]);
  const from: Point | undefined = sort.by === "distance" ? sort.from : undefined;
  const rows = useMemo(() => {
    if (query.status !== "done") return [];
    const waits = [...latestOf(query.data.dataset)];
    return from
      ? waits.map((wait) => ({ wait, km: distanceKm(from, wait.hospital) })).sort((a, b) => a.km - b.km)
      : waits.sort(byWait).map((wait) => ({ wait, km: undefined }));
  }, [query, from]);

  if (query.status === "loading") return <Loading />;
  if (query.status === "error") return <ErrorState error={query.error} retry={query.reload} />;
  if (rows.length === 0) return <Empty>{t.aeNoFeed}</Empty>;
  const observedAt = rows[0]!.wait.observedAt;
  const selectedWait = rows.find((row) => row.wait.hospital.id === selected)?.wait;

  return (
    <section>
      <h1>{t.aeTitle}</h1>
      <p className="feed-time" data-testid="feed-time">
        {t.feedTime}: <time dateTime={observedAt}>{formatInstant(observedAt)}</time> ({t.feedAge} {formatAge(observedAt, Date.now(), t)})
      </p>
      <SortControls sort={sort} onChange={setSort} />
      <div className="ae-layout">
        <HospitalMap waits={rows.map((row) => row.wait)} selected={selected} onSelect={setSelected} from={from} />
        <div className="table-scroll">
          <table data-testid="ae-table">
            <thead>
              <tr>
                <th>{t.hospital}</th>
                <th>{t.t3Median}</th>
                <th>{t.t3P95}</th>
                <th>{t.t45Median}</th>
                <th>{t.t45P95}</th>
                <th>{t.manage}</th>
                {from && <th>{t.distance}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ wait, km }) => (
                <tr
                  key={wait.hospital.id}
                  data-hospital-id={wait.hospital.id}
                  className={wait.hospital.id === selected ? "selected" : undefined}
                  onClick={() => setSelected(wait.hospital.id)}
                >
                  <td>
                    <button className="link" onClick={() => setSelected(wait.hospital.id)}>{wait.hospital.name}</button>
                    <small>{wait.hospital.cluster}</small>
                  </td>
                  <td data-field="triage3Median" data-minutes={wait.triage3Median?.minutes ?? ""}>{formatWait(wait.triage3Median ?? wait.topWait)}</td>
                  <td data-field="triage3P95" data-minutes={wait.triage3P95?.minutes ?? ""}>{formatWait(wait.triage3P95)}</td>
                  <td data-field="triage45Median" data-minutes={wait.triage45Median?.minutes ?? ""}>{formatWait(wait.triage45Median)}</td>
                  <td data-field="triage45P95" data-minutes={wait.triage45P95?.minutes ?? ""}>{formatWait(wait.triage45P95)}</td>
                  <td>{[wait.managingTriage1, wait.managingTriage2].map((flag) => (flag == null ? "–" : flag ? t.yes : t.no)).join(" / ")}</td>
                  {from && <td data-field="distance">{km!.toFixed(1)} km</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {selectedWait ? <WaitCharts wait={selectedWait} /> : <p className="hint">{t.pickHospital}</p>}
    </section>
  );
}
