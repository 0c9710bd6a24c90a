import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import { useLang } from "../../lib/i18n.js";
import type { AeWait } from "./ae-now-page.js";
import type { Point } from "./geo.js";

/** Hong Kong, for the first view before markers fit it. */
const HONG_KONG: L.LatLngTuple = [22.35, 114.13];

/** Colour by triage 3 median: circle markers need no image files, so they stand without tiles or assets. */
function colourOf(minutes: number | null | undefined): string {
  if (minutes == null) return "#888";
  if (minutes <= 60) return "#2a9d4b";
  if (minutes <= 180) return "#e0a100";
  return "#c9302c";
}

export function HospitalMap(props: { waits: readonly AeWait[]; selected?: string; onSelect: (id: string) => void; from?: Point }) {
  const { t } = useLang();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map>(undefined);
  const layer = useRef<L.LayerGroup>(undefined);

  useEffect(() => {
    const created = L.map(element.current!, { center: HONG_KONG, zoom: 10, scrollWheelZoom: false });
    // Tiles fail quietly offline; markers and the table do not depend on them.
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 18, attribution: "© OpenStreetMap" }).addTo(created);
    map.current = created;
    layer.current = L.layerGroup().addTo(created);
    return () => {
      created.remove();
      map.current = undefined;
    };
  }, []);

  const { waits, selected, onSelect, from } = props;
  useEffect(() => {
    const group = layer.current;
    if (!group || !map.current) return;
    group.clearLayers();
    for (const wait of waits) {
      const marker = L.circleMarker([wait.hospital.latitude, wait.hospital.longitude], {
        radius: wait.hospital.id === selected ? 11 : 8,
        color: "#222",
        weight: wait.hospital.id === selected ? 3 : 1,
        fillColor: colourOf(wait.triage3Median?.minutes),
        fillOpacity: 0.9,
      });
      marker.bindTooltip(`${wait.hospital.name}: ${wait.triage3Median?.text ?? wait.topWait?.text ?? "–"}`);
      marker.on("click", () => onSelect(wait.hospital.id));
      group.addLayer(marker);
    }
    if (from) group.addLayer(L.circleMarker([from.latitude, from.longitude], { radius: 6, color: "#1f5fbf", fillOpacity: 1 }));
    if (waits.length > 0) map.current.fitBounds(L.latLngBounds(waits.map((wait) => [wait.hospital.latitude, wait.hospital.longitude])), { padding: [20, 20] });
  }, [waits, selected, onSelect, from]);

  return (
    <figure className="map">
      <div ref={element} className="map-canvas" data-testid="map" />
      <figcaption>{t.mapNote}</figcaption>
    </figure>
  );
}
