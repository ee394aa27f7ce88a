import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import type { CreditNoteJson, Settlement } from "./types.ts";

/** Where the money went: settlements with their state, and the credit notes (PDF). */
export function CaseMoney(props: {
  settlements: readonly Settlement[];
  creditNotes: readonly CreditNoteJson[];
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const fmt = useFormat();
  return (
    <section aria-labelledby="money-title">
      <h2 id="money-title">
        <FormattedMessage id="money.title" />
      </h2>
      {props.settlements.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="money.none" />
        </p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              {["method", "status", "amount"].map((c) => (
                <th key={c} scope="col">
                  <FormattedMessage id={`money.col.${c}`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.settlements.map((s) => (
              <tr key={s.id}>
                <td>{t(`method.${s.method}`)}</td>
                <td>
                  {t(`settlement.${s.status}`)}
                  {s.failureReason ? ` — ${s.failureReason}` : ""}
                </td>
                <td className="amount">{fmt.money(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.creditNotes.length > 0 && (
        <ul>
          {props.creditNotes.map((n) => (
            <li key={n.id}>
              <a href={n.pdf} download>
                <FormattedMessage
                  id="money.creditNote"
                  values={{ number: n.number, date: fmt.day(n.issuedAt) }}
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
