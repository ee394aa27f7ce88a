import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../shared/i18n/format.ts";
import { Link } from "./Link.tsx";
import { usePortal } from "./state.tsx";
import type { CaseView, OrderLine, Preview } from "./types.ts";

/** An address as lines, the country in the page's language. */
function addressText(a: Record<string, string>, locale: string): string {
  const country = a.country ? new Intl.DisplayNames([locale], { type: "region" }).of(a.country) : null;
  return [a.name, a.line1, [a.postalCode, a.city].filter(Boolean).join(" "), country]
    .filter(Boolean)
    .join("\n");
}

/** Every return a split submission opened, one per seller: items, status, where to send, refund. */
export function CaseGroup({ c }: { c: CaseView }) {
  const { boot, slug } = usePortal();
  const intl = useIntl();
  const f = useFormat();
  if (!c.group) return null;
  return (
    <section className="card" aria-labelledby="group-title">
      <h2 id="group-title">
        <FormattedMessage id="group.title" values={{ count: c.group.cases.length }} />
      </h2>
      <p>
        <FormattedMessage id="group.intro" />
      </p>
      <ul className="group">
        {c.group.cases.map((g) => (
          <li key={g.id} aria-current={g.current ? "page" : undefined}>
            <h3>
              <FormattedMessage
                id="group.case"
                values={{ seller: g.vendorName ?? boot.merchant?.name ?? "", number: g.number }}
              />
            </h3>
            <p>
              <strong>
                <FormattedMessage id={`status.${g.status}`} />
              </strong>{" "}
              — {g.lines.map((l) => `${l.quantity} × ${l.title}`).join(", ")}
            </p>
            {g.address && (
              <>
                <p>
                  <FormattedMessage id="instructions.address" />
                </p>
                <address className="address">{addressText(g.address, intl.locale)}</address>
              </>
            )}
            {g.refund && (
              <p>
                <FormattedMessage
                  id={g.refund.paid ? "group.refunded" : "group.refund"}
                  values={{ amount: f.money({ amount: g.refund.amount, currency: g.refund.currency }) }}
                />
              </p>
            )}
            {!g.current && (
              <p>
                <Link slug={slug} to={`returns/${g.id}`}>
                  <FormattedMessage id="group.view" values={{ number: g.number }} />
                </Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Before submitting: the items come from several sellers, so one return per seller will be opened. */
export function SplitPreview({ p, lines }: { p: Preview; lines: readonly OrderLine[] }) {
  const { boot } = usePortal();
  const f = useFormat();
  if (!p.split) return null;
  const title = (id: string) => lines.find((l) => l.externalId === id)?.title ?? id;
  return (
    <section className="card" aria-labelledby="split-title">
      <h2 id="split-title">
        <FormattedMessage id="split.title" values={{ count: p.split.cases.length }} />
      </h2>
      <p>
        <FormattedMessage id="split.intro" />
      </p>
      <ul>
        {p.split.cases.map((s) => (
          <li key={s.vendor ?? ""}>
            <FormattedMessage
              id="split.part"
              values={{
                seller: s.vendorName ?? boot.merchant?.name ?? "",
                items: s.lines.map((l) => `${l.quantity} × ${title(l.orderLineExternalId)}`).join(", "),
              }}
            />
            {s.refund && <> — {f.money({ amount: s.refund.total, currency: s.refund.currency })}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
