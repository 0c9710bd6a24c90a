import type { FieldType } from "@hkhealth/client";
import { useState } from "react";
import { useLang } from "../../lib/i18n.js";
import type { FilterDraft } from "./filters.js";

interface Field {
  readonly name: string;
  readonly type: FieldType;
}

const inputType: Partial<Record<FieldType, string>> = { NUMBER: "number", DATE: "date", DATETIME: "datetime-local" };

/** One input (or a from–to pair) per field, by its type; applied together. */
export function FilterForm(props: { fields: readonly Field[]; applied: Record<string, FilterDraft>; onApply: (drafts: Record<string, FilterDraft>) => void }) {
  const { t } = useLang();
  const [drafts, setDrafts] = useState(props.applied);
  const set = (field: string, key: keyof FilterDraft, value: string) => setDrafts((all) => ({ ...all, [field]: { ...all[field], [key]: value } }));
  return (
    <form
      className="filters"
      data-testid="filters"
      onSubmit={(event) => {
        event.preventDefault();
        props.onApply(drafts);
      }}
    >
      <h3>{t.filters}</h3>
      {props.fields.map((field) => (
        <label key={field.name}>
          <span>
            {field.name} <small>{field.type}</small>
          </span>
          {field.type === "STRING" && (
            <input name={field.name} placeholder={t.contains} value={drafts[field.name]?.contains ?? ""} onChange={(event) => set(field.name, "contains", event.target.value)} />
          )}
          {field.type === "BOOLEAN" && (
            <select name={field.name} value={drafts[field.name]?.eq ?? ""} onChange={(event) => set(field.name, "eq", event.target.value)}>
              <option value="">{t.any}</option>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          )}
          {inputType[field.type] && (
            <span className="range">
              <input name={`${field.name}.gte`} type={inputType[field.type]} placeholder={t.from} value={drafts[field.name]?.gte ?? ""} onChange={(event) => set(field.name, "gte", event.target.value)} />
              <input name={`${field.name}.lte`} type={inputType[field.type]} placeholder={t.to} value={drafts[field.name]?.lte ?? ""} onChange={(event) => set(field.name, "lte", event.target.value)} />
            </span>
          )}
        </label>
      ))}
      <div>
        <button type="submit">{t.applyFilters}</button>{" "}
        <button
          type="button"
          onClick={() => {
            setDrafts({});
            props.onApply({});
          }}
        >
          {t.clearFilters}
        </button>
      </div>
    </form>
  );
}
