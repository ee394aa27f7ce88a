import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../shared/i18n/format.ts";
import type { Preview } from "./types.ts";

/** The full cost before submitting: itemised lines, what goes where and when, the legal deadline. */
export function CostSummary({ p, gift, giftEmail }: { p: Preview; gift: boolean; giftEmail?: string }) {
  const f = useFormat();
  const intl = useIntl();
  const shipping = p.lines.find((l) => l.returnShippingPaidBy)?.returnShippingPaidBy ?? null;
  const money = (amount: string) => f.money({ amount, currency: p.refund?.currency ?? "EUR" });
  return (
    <section className="card" aria-labelledby="cost-title">
      <h2 id="cost-title">
        <FormattedMessage id="cost.title" />
      </h2>
      {gift ? (
        <p>
          <FormattedMessage id="cost.gift" values={{ email: giftEmail || "…" }} />
        </p>
      ) : p.refund ? (
        <table className="cost">
          <caption className="visually-hidden">{intl.formatMessage({ id: "cost.title" })}</caption>
          <thead>
            <tr>
              <th scope="col">{intl.formatMessage({ id: "cost.item" })}</th>
              <th scope="col" className="amount">
                {intl.formatMessage({ id: "cost.amount" })}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.refund.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: calculation lines are ordered and have no id
              <tr key={`${l.type}-${i}`}>
                <th scope="row">
                  <FormattedMessage id={`cost.line.${l.type}`} />
                </th>
                <td className="amount">{money(l.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {Object.entries(p.refund.byDestination)
              .filter(([, amount]) => amount !== "0" && !/^-?0(\.0+)?$/.test(amount))
              .map(([method, amount]) => (
                <tr key={method}>
                  <th scope="row">
                    <FormattedMessage
                      id={`cost.byMethod.${Number(amount) < 0 ? "payment_request" : method}`}
                    />
                  </th>
                  <td className="amount">{money(amount.replace(/^-/, ""))}</td>
                </tr>
              ))}
          </tfoot>
        </table>
      ) : (
        <p>
          <FormattedMessage id="cost.nothing" />
        </p>
      )}
      {shipping && (
        <p>
          <FormattedMessage id={`cost.returnShipping.${shipping}`} />
        </p>
      )}
      <ul>
        {p.timing.map((t) => (
          <li key={t.method}>
            <FormattedMessage
              id="cost.expected"
              values={{
                method: intl.formatMessage({ id: `cost.byMethod.${t.method}` }),
                date: f.date(t.expectedBy),
                trigger: intl.formatMessage({ id: `cost.trigger.${t.trigger}` }),
              }}
            />
          </li>
        ))}
      </ul>
      {p.refundDeadline?.dueBy && (
        <p>
          <FormattedMessage
            id="cost.deadline"
            values={{ date: f.date(p.refundDeadline.dueBy), citation: p.refundDeadline.citation ?? "" }}
          />
        </p>
      )}
    </section>
  );
}
