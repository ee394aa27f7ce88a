import { useEffect, useState } from "react";
import { useIntl } from "react-intl";
import type { Client } from "../api.ts";
import { SyncStatus } from "./SyncStatus.tsx";
import type { LocationJson } from "./types.ts";

/** Where this station stands (remembered in the browser) and how its queued work is doing. */
export function StationBar({
  client,
  location,
  setLocation,
  sync,
}: {
  client: Client;
  location: string;
  setLocation(code: string): void;
  sync: Parameters<typeof SyncStatus>[0];
}) {
  const intl = useIntl();
  const [locations, setLocations] = useState<readonly LocationJson[]>([]);
  useEffect(() => {
    client.merchant<{ items: LocationJson[] }>("GET", "/locations").then(
      (r) => setLocations(r.items.filter((l) => l.active !== false)),
      () => {},
    );
  }, [client]);
  const known = locations.some((l) => l.code === location);
  return (
    <div className="station-bar">
      <div className="field">
        <label htmlFor="station-location">{intl.formatMessage({ id: "receiving.location" })}</label>
        <select id="station-location" value={location} onChange={(e) => setLocation(e.target.value)}>
          <option value="">{intl.formatMessage({ id: "receiving.location.none" })}</option>
          {!known && location && <option value={location}>{location}</option>}
          {locations.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name} ({l.code})
            </option>
          ))}
        </select>
      </div>
      <SyncStatus {...sync} />
    </div>
  );
}
