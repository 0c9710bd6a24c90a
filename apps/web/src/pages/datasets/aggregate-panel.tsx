import { DatasetAggregateDocument, type FieldFilterInput, type FieldType } from "@hkhealth/client";
import { useState } from "react";
import { Empty, ErrorState, Loading } from "../../components/states.js";
import { client } from "../../lib/client.js";
import { useLang } from "../../lib/i18n.js";
import { useQuery } from "../../lib/use-query.js";

interface Field {
  readonly name: string;
  readonly type: FieldType;
}

const show = (value: unknown) => (value == null ? "–" : typeof value === "number" ? String(Math.round(value * 100) / 100) : String(value));

/** Group-by with count, sum, avg, min and max of one field, over the records the filters keep. */
export function AggregatePanel(props: { datasetId: string; fields: readonly Field[]; filter: FieldFilterInput[] }) {
  const { t } = useLang();
  const [groupBy, setGroupBy] = useState(props.fields.find((field) => field.type === "STRING")?.name ?? "");
  const [measure, setMeasure] = useState(props.fields.find((field) => field.type === "NUMBER")?.name ?? props.fields[0]?.name ?? "");
  const filterKey = JSON.stringify(props.filter);
  const query = useQuery(
    () => client.request(DatasetAggregateDocument, { id: props.datasetId, groupBy: groupBy ? [groupBy] : [], field: measure, filter: props.filter }),
    [props.datasetId, groupBy, measure, filterKey],
  );
  const groups = query.status === "done" ? (query.data.dataset?.recordAggregate ?? []) : [];
  return (
    <section className="aggregate" data-testid="aggregate">
      <h3>{t.aggregate}</h3>
      <div className="controls">
        <label>
          {t.groupBy}{" "}
          <select value={groupBy} onChange={(event) => setGroupBy(event.target.value)} data-testid="group-by">
            <option value="">–</option>
            {props.fields.map((field) => <option key={field.name}>{field.name}</option>)}
          </select>
        </label>{" "}
        <label>
          {t.measure}{" "}
          <select value={measure} onChange={(event) => setMeasure(event.target.value)} data-testid="measure">
            {props.fields.map((field) => <option key={field.name}>{field.name}</option>)}
          </select>
        </label>
      </div>
      {query.status === "loading" && <Loading />}
      {query.status === "error" && <ErrorState error={query.error} retry={query.reload} />}
      {query.status === "done" && groups.length === 0 && <Empty>{t.noGroups}</Empty>}
      {groups.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{groupBy || "–"}</th>
                <th>{t.count}</th>
                <th>{t.sum}</th>
                <th>{t.avg}</th>
                <th>{t.min}</th>
                <th>{t.max}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={JSON.stringify(group.key)}>
                  <td>{show(groupBy ? group.key[groupBy] : "")}</td>
                  <td>{group.count}</td>
                  <td>{show(group.sum)}</td>
                  <td>{show(group.avg)}</td>
                  <td>{show(group.min)}</td>
                  <td>{show(group.max)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
