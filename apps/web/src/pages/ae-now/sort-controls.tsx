import { useEffect, useState } from "react";
import { useLang } from "../../lib/i18n.js";
import { districts } from "./districts.js";
import { parsePoint, type Point } from "./geo.js";

export type SortChoice = { readonly by: "wait" } | { readonly by: "distance"; readonly from: Point };

const MY_LOCATION = "me";
const LINKED_PLACE = "near";

/** Sort by wait, or by distance from the browser's location or a district; `?near=lat,lng` fixes a place. */
export function SortControls(props: { sort: SortChoice; onChange: (sort: SortChoice) => void }) {
  const { lang, t } = useLang();
  const [status, setStatus] = useState<string>();
  const [choice, setChoice] = useState("wait");
  const { onChange } = props;
  useEffect(() => {
    const near = parsePoint(new URLSearchParams(location.search).get("near"));
    if (near) {
      setChoice(LINKED_PLACE);
      onChange({ by: "distance", from: near });
    }
  }, [onChange]);

  const choose = (value: string) => {
    setStatus(undefined);
    setChoice(value);
    if (value === "wait") return onChange({ by: "wait" });
    if (value === MY_LOCATION) {
      if (!("geolocation" in navigator)) return setStatus(`${t.locationRefused} geolocation unsupported`);
      setStatus(t.locating);
      navigator.geolocation.getCurrentPosition(
        (position) => {
          setStatus(undefined);
          onChange({ by: "distance", from: { latitude: position.coords.latitude, longitude: position.coords.longitude } });
        },
        (error) => setStatus(`${t.locationRefused} ${error.message}`),
      );
      return;
    }
    const district = districts[Number(value)];
    if (district) onChange({ by: "distance", from: district });
  };

  return (
    <div className="controls">
      <label>
        {t.sortBy}{" "}
        <select data-testid="sort" onChange={(event) => choose(event.target.value)} value={choice}>
          <option value="wait">{t.sortWait}</option>
          <optgroup label={t.sortDistance}>
            <option value={MY_LOCATION}>{t.myLocation}</option>
            {choice === LINKED_PLACE && <option value={LINKED_PLACE}>{t.linkedPlace}</option>}
            {districts.map((district, index) => (
              <option key={district.en} value={index}>
                {lang === "zh" ? district.zh : district.en}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {status && <span className="hint">{status}</span>}
    </div>
  );
}
