import { DatasetRecordsDocument, type FieldOrderInput, type FieldType } from "@hkhealth/client";
import { useMemo, useState } from "react";
import { Empty, ErrorState, Loading } from "../../components/states.js";
import { client, recordsCsvUrl } from "../../lib/client.js";
import { graphLanguage, useLang } from "../../lib/i18n.js";
import { useQuery } from "../../lib/use-query.js";
import { AggregatePanel } from "./aggregate-panel.js";
import { FilterForm } from "./filter-form.js";
import { toFieldFilters, type FilterDraft } from "./filters.js";

const PAGE_SIZE = 25;

const cell = (value: unknown) => (value == null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value));

/** A dataset's fields, its records (filtered, sorted, a cursor page at a time), the CSV of them and a group-by. */
export function DatasetRecords(props: { datasetId: string }) {
  const { lang, t } = useLang();
  const [drafts, setDrafts] = useState<Record<string, FilterDraft>>({});
  const [orderBy, setOrderBy] = useState<FieldOrderInput[]>([]);
  // Cursors of the pages before this one: "previous" pops back to the last.
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  const [types, setTypes] = useState<Record<string, FieldType>>({});
  const filter = useMemo(() => toFieldFilters(drafts, types), [drafts, types]);
  const key = JSON.stringify([filter, orderBy, after]);
  const query = useQuery(
    () => client.request(DatasetRecordsDocument, { id: props.datasetId, lang: graphLanguage[lang], first: PAGE_SIZE, after, orderBy, filter }),
    [props.datasetId, lang, key],
  );

  if (query.status === "loading" && Object.keys(types).length === 0) return <Loading />;
  if (query.status === "error") return <ErrorState error={query.error} retry={query.reload} />;
  const dataset = query.status === "done" ? query.data.dataset : undefined;
  if (query.status === "done" && !dataset) return <Empty>{props.datasetId}?</Empty>;
  const fields = dataset ? [...(dataset.fields ?? [])].sort((a, b) => a.position - b.position) : Object.entries(types).map(([name, type], position) => ({ name, type, position }));
  if (dataset && Object.keys(types).length !== fields.length) setTypes(Object.fromEntries(fields.map((field) => [field.name, field.type])));
  if (fields.length === 0) return <Empty>{t.noFields}</Empty>;

  const resetPages = () => {
    setCursors([]);
    setAfter(null);
  };
  const sortBy = (field: string) => {
    const current = orderBy[0]?.field === field ? orderBy[0].direction : undefined;
    setOrderBy(current === "DESC" ? [] : [{ field, direction: current === "ASC" ? "DESC" : "ASC" }]);
    resetPages();
  };
  const records = dataset?.records;
  const arrow = (field: string) => (orderBy[0]?.field === field ? (orderBy[0].direction === "ASC" ? " ▲" : " ▼") : "");

  return (
    <div className="explorer">
      <details open>
        <summary>
          {t.fields} ({fields.length})
        </summary>
        <ul className="fields" data-testid="fields">
          {fields.map((field) => (
            <li key={field.name}>
              {field.name} <small>{field.type}</small>
            </li>
          ))}
        </ul>
      </details>
      <FilterForm
        fields={fields}
        applied={drafts}
        onApply={(next) => {
          setDrafts(next);
          resetPages();
        }}
      />
      <p className="controls">
        <a href={recordsCsvUrl(props.datasetId, { filter: filter.length ? filter : undefined, orderBy: orderBy.length ? orderBy : undefined })} data-testid="csv" download>
          {t.downloadCsv}
        </a>
      </p>
      {query.status === "loading" && <Loading />}
      {records && (
        <>
          <p data-testid="total">
            {records.totalCount} {t.total} · {t.page} {cursors.length + 1} {t.of} {Math.max(1, Math.ceil(records.totalCount / PAGE_SIZE))}
          </p>
          {records.edges.length === 0 ? (
            <Empty>{t.noRecords}</Empty>
          ) : (
            <div className="table-scroll">
              <table data-testid="records">
                <thead>
                  <tr>
                    {fields.map((field) => (
                      <th key={field.name}>
                        <button className="link" onClick={() => sortBy(field.name)}>
                          {field.name}
                          {arrow(field.name)}
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {records.edges.map(({ node }) => (
                    <tr key={node.id} data-record-id={node.id}>
                      {fields.map((field) => (
                        <td key={field.name}>{cell(node.fields[field.name])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="pager">
            <button
              disabled={cursors.length === 0}
              onClick={() => {
                setAfter(cursors.at(-1) ?? null);
                setCursors(cursors.slice(0, -1));
              }}
            >
              {t.previous}
            </button>
            <button
              disabled={!records.pageInfo.hasNextPage}
              data-testid="next-page"
              onClick={() => {
                setCursors([...cursors, after]);
                setAfter(records.pageInfo.endCursor ?? null);
              }}
            >
              {t.next}
            </button>
          </div>
        </>
      )}
      <AggregatePanel datasetId={props.datasetId} fields={fields} filter={filter} />
    </div>
  );
}
