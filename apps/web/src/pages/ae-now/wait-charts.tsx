import { Empty, ErrorState, Loading } from "../../components/states.js";
import { useLang } from "../../lib/i18n.js";
import { useQuery } from "../../lib/use-query.js";
import type { AeWait } from "./ae-now-page.js";
import { loadWaitHistory, medianByHour, type WaitPoint } from "./wait-history.js";

const WIDTH = 480;
const HEIGHT = 160;
const PAD = 28;

function LineChart(props: { points: readonly WaitPoint[]; label: string }) {
  const times = props.points.map((point) => Date.parse(point.observedAt));
  const start = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - start);
  const top = Math.max(60, ...props.points.map((point) => point.minutes));
  const path = props.points
    .map((point, index) => `${index ? "L" : "M"}${(PAD + ((times[index]! - start) / span) * (WIDTH - 2 * PAD)).toFixed(1)},${(HEIGHT - PAD - (point.minutes / top) * (HEIGHT - 2 * PAD)).toFixed(1)}`)
    .join("");
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.label} className="chart">
      <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} stroke="#999" />
      <text x={2} y={PAD}>{top}</text>
      <text x={2} y={HEIGHT - PAD}>0</text>
      <text x={PAD} y={HEIGHT - 8}>{props.points[0]!.observedAt.slice(5, 16).replace("T", " ")}</text>
      <text x={WIDTH - PAD} y={HEIGHT - 8} textAnchor="end">{props.points.at(-1)!.observedAt.slice(5, 16).replace("T", " ")}</text>
      <path d={path} fill="none" stroke="#1f5fbf" strokeWidth={2} />
    </svg>
  );
}

function HourBars(props: { medians: readonly (number | undefined)[]; label: string }) {
  const top = Math.max(60, ...props.medians.map((value) => value ?? 0));
  const barWidth = (WIDTH - 2 * PAD) / 24;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.label} className="chart">
      {props.medians.map((value, hour) => {
        const height = ((value ?? 0) / top) * (HEIGHT - 2 * PAD);
        return (
          <g key={hour}>
            <rect x={PAD + hour * barWidth + 1} y={HEIGHT - PAD - height} width={barWidth - 2} height={height} fill="#1f5fbf">
              <title>{`${hour}:00 ${value ?? "–"}`}</title>
            </rect>
            {hour % 3 === 0 && <text x={PAD + hour * barWidth} y={HEIGHT - 8}>{hour}</text>}
          </g>
        );
      })}
      <text x={2} y={PAD}>{top}</text>
    </svg>
  );
}

/** The hospital's waits in the 24 hours up to the current feed, and by hour of day over all the history held. */
export function WaitCharts(props: { wait: AeWait }) {
  const { t } = useLang();
  const { hospital, observedAt } = props.wait;
  const dayBefore = new Date(Date.parse(observedAt) - 24 * 3600_000).toISOString();
  const last24 = useQuery(() => loadWaitHistory(hospital.id, { from: dayBefore, to: observedAt }), [hospital.id, observedAt]);
  const all = useQuery(() => loadWaitHistory(hospital.id, {}), [hospital.id]);
  const unit = `${t.minutes}`;
  return (
    <section className="charts" data-testid="charts">
      <h2>{hospital.name}</h2>
      <div>
        <h3>{t.chartLast24} ({unit})</h3>
        {last24.status === "loading" && <Loading />}
        {last24.status === "error" && <ErrorState error={last24.error} retry={last24.reload} />}
        {last24.status === "done" && (last24.data.length > 1 ? <LineChart points={last24.data} label={t.chartLast24} /> : <Empty>{t.chartEmpty}</Empty>)}
      </div>
      <div>
        <h3>{t.chartByHour} ({unit})</h3>
        {all.status === "loading" && <Loading />}
        {all.status === "error" && <ErrorState error={all.error} retry={all.reload} />}
        {all.status === "done" && (all.data.length > 0 ? <HourBars medians={medianByHour(all.data)} label={t.chartByHour} /> : <Empty>{t.chartEmpty}</Empty>)}
      </div>
    </section>
  );
}
