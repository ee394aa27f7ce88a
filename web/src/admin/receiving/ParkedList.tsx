import { useCallback, useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import type { Client } from "../api.ts";
import { newKey } from "./queue.ts";
import type { BlindReceipt } from "./types.ts";

/** Parcels parked without a return, newest first; each can be matched to its return by RMA number. */
export function ParkedList({
  client,
  refresh,
  problemText,
  matched,
}: {
  client: Client;
  /** Changes whenever the list may have changed (a parcel parked, the queue sent). */
  refresh: number;
  problemText(e: unknown): string;
  matched(number: string, rma: string): void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const fmt = useFormat();
  const [list, setList] = useState<readonly BlindReceipt[] | null>(null);
  const [rma, setRma] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const load = useCallback(async () => {
    try {
      setList((await client.merchant<{ data: BlindReceipt[] }>("GET", "/blind-receipts?status=parked")).data);
    } catch {
      // Offline: the list stays as it was.
    }
  }, [client]);
  useEffect(() => {
    void refresh;
    void load();
  }, [load, refresh]);

  async function match(b: BlindReceipt) {
    const caseNumber = (rma[b.id] ?? "").trim();
    if (!caseNumber) {
      setErrors((e) => ({ ...e, [b.id]: t("receiving.parked.rmaMissing") }));
      return;
    }
    try {
      await client.once(`/blind-receipts/${b.id}/match`, { caseNumber }, newKey());
      setErrors((e) => ({ ...e, [b.id]: "" }));
      matched(b.number, caseNumber);
      await load();
    } catch (e) {
      setErrors((x) => ({ ...x, [b.id]: problemText(e) }));
    }
  }
  if (!list) return null;
  return (
    <section aria-labelledby="parked-title">
      <h2 id="parked-title">
        <FormattedMessage id="receiving.parked.title" values={{ count: list.length }} />
      </h2>
      {list.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="receiving.parked.none" />
        </p>
      ) : (
        <table className="data parked">
          <thead>
            <tr>
              <th scope="col">{t("receiving.parked.number")}</th>
              <th scope="col">{t("receiving.parked.contents")}</th>
              <th scope="col">{t("receiving.parked.at")}</th>
              <th scope="col">{t("receiving.parked.match")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  {b.number}
                  {b.location && <span className="muted sku">{b.location}</span>}
                </th>
                <td>
                  <ul className="plain">
                    {b.items.map((i) => (
                      <li key={i.code}>
                        {i.quantity} × {i.code}
                        {i.description ? ` (${i.description})` : ""}
                      </li>
                    ))}
                  </ul>
                  {b.note && <p className="muted">{b.note}</p>}
                </td>
                <td>{fmt.dateTime(b.parkedAt)}</td>
                <td>
                  <div className={`field${errors[b.id] ? " field--error" : ""}`}>
                    <label htmlFor={`match-${b.id}`}>
                      <FormattedMessage id="receiving.parked.rma" values={{ number: b.number }} />
                    </label>
                    {errors[b.id] && (
                      <p className="error" id={`match-${b.id}-error`}>
                        {errors[b.id]}
                      </p>
                    )}
                    <input
                      id={`match-${b.id}`}
                      value={rma[b.id] ?? ""}
                      onChange={(e) => setRma((r) => ({ ...r, [b.id]: e.target.value }))}
                      aria-describedby={errors[b.id] ? `match-${b.id}-error` : undefined}
                      aria-invalid={!!errors[b.id]}
                    />
                  </div>
                  <button type="button" className="big" onClick={() => void match(b)}>
                    <FormattedMessage id="receiving.parked.matchButton" values={{ number: b.number }} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
