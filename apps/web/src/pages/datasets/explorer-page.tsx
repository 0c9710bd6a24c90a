import { DatasetListDocument } from "@hkhealth/client";
import { useState } from "react";
import { Empty, ErrorState, Loading } from "../../components/states.js";
import { client } from "../../lib/client.js";
import { graphLanguage, useLang } from "../../lib/i18n.js";
import { useQuery } from "../../lib/use-query.js";
import { DatasetRecords } from "./dataset-records.js";

/** `?id=` keeps the dataset in the address, so a link opens it. */
function initialDatasetId(): string {
  return new URLSearchParams(location.search).get("id") ?? "";
}

export function ExplorerPage() {
  const { lang, t } = useLang();
  const [datasetId, setDatasetId] = useState(initialDatasetId);
  // 100 is the page size's maximum; the catalogue is smaller than that.
  const list = useQuery(() => client.request(DatasetListDocument, { first: 100, lang: graphLanguage[lang] }), [lang]);
  const choose = (id: string) => {
    setDatasetId(id);
    history.replaceState(null, "", id ? `/datasets?id=${encodeURIComponent(id)}` : "/datasets");
  };
  return (
    <section>
      <h1>{t.datasetsTitle}</h1>
      {list.status === "loading" && <Loading />}
      {list.status === "error" && <ErrorState error={list.error} retry={list.reload} />}
      {list.status === "done" && (
        <label className="controls">
          {t.dataset}{" "}
          <select data-testid="dataset" value={datasetId} onChange={(event) => choose(event.target.value)}>
            <option value="">–</option>
            {list.data.datasets.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.title} ({node.id}){node.fields?.length ? "" : " ∅"}
              </option>
            ))}
          </select>
        </label>
      )}
      {list.status === "done" && list.data.datasets.totalCount === 0 && <Empty>{t.noRecords}</Empty>}
      {datasetId && <DatasetRecords key={datasetId} datasetId={datasetId} />}
    </section>
  );
}
