import { useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import { useSession } from "../session.tsx";
import { type Change, diff, type PolicyDoc } from "./policy-doc.ts";

export interface Version {
  readonly version: number;
  readonly savedAt: string;
  readonly savedBy: string;
}

/** Every saved version, and what changed between two of them (field by field). */
export function VersionsPanel({ id, versions }: { id: string; versions: readonly Version[] }) {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const fmt = useFormat();
  const { client } = useSession();
  const last = versions[versions.length - 1]?.version ?? 0;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const [changes, setChanges] = useState<readonly Change[] | null>(null);
  useEffect(() => {
    setFrom(Math.max(1, last - 1));
    setTo(last);
  }, [last]);
  useEffect(() => {
    if (!from || !to || from === to) {
      setChanges(null);
      return;
    }
    const get = (v: number) =>
      client.merchant<PolicyDoc>("GET", `/policies/${encodeURIComponent(id)}?version=${v}`);
    Promise.all([get(from), get(to)]).then(
      ([a, b]) => setChanges(diff(a, b)),
      () => setChanges(null),
    );
  }, [client, id, from, to]);
  if (versions.length === 0) return null;
  const pick = (label: string, value: number, set: (v: number) => void, elId: string) => (
    <div className="field">
      <label htmlFor={elId}>{label}</label>
      <select id={elId} value={value} onChange={(ev) => set(Number(ev.target.value))}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {intl.formatMessage(
              { id: "policyEditor.version" },
              { version: v.version, date: fmt.dateTime(v.savedAt) },
            )}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">
        <FormattedMessage id="policyEditor.versions" />
      </h2>
      <div className="inline-form">
        {pick(t("policyEditor.compareFrom"), from, setFrom, "diff-from")}
        {pick(t("policyEditor.compareTo"), to, setTo, "diff-to")}
      </div>
      {changes && changes.length === 0 && (
        <p>
          <FormattedMessage id="policyEditor.noChanges" />
        </p>
      )}
      {changes && changes.length > 0 && (
        <table className="data diff">
          <thead>
            <tr>
              {["field", "before", "after"].map((c) => (
                <th key={c} scope="col">
                  <FormattedMessage id={`policyEditor.diff.${c}`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.path}>
                <th scope="row">
                  <code>{c.path}</code>
                </th>
                <td>
                  <del>{c.before ?? "—"}</del>
                </td>
                <td>
                  <ins>{c.after ?? "—"}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
