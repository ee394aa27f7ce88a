import { useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Layout } from "../../shared/ui/Layout.tsx";
import { Assistant } from "../Assistant.tsx";
import { Explanation } from "../Explanation.tsx";
import { type LineChoice, LineForm } from "../LineForm.tsx";
import { Link } from "../Link.tsx";
import { href, navigate } from "../router.ts";
import { usePortal } from "../state.tsx";
import type { Preview } from "../types.ts";
import { useOrder } from "../useOrder.ts";

/** Step 2: which items, how many, why; each line says whether and until when it can come back. */
export default function ItemsPage() {
  const { boot, slug, api, draft, setDraft } = usePortal();
  const { order, failed } = useOrder();
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string, v?: Record<string, string | number>) => intl.formatMessage({ id }, v);
  const [judged, setJudged] = useState<{ key: string; preview: Preview | null } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const selected = Object.entries(draft.lines).filter(([, l]) => l.selected && l.reason);
  const key = JSON.stringify(selected.map(([id, l]) => [id, l.quantity, l.reason]));

  const judge = () =>
    api
      .preview({
        lines: selected.map(([id, l]) => ({
          orderLineExternalId: id,
          quantity: l.quantity,
          reason: l.reason,
        })),
        resolution: "refund",
      })
      .then(
        (p) => ({ key, preview: p }),
        () => ({ key, preview: null }),
      );
  const preview = judged?.key === key ? judged.preview : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the selection's content
  useEffect(() => {
    if (selected.length === 0) return;
    const timer = setTimeout(() => void judge().then(setJudged), 250);
    return () => clearTimeout(timer);
  }, [key, api]);

  if (failed)
    return (
      <Layout merchant={boot.merchant} title={t("items.title")}>
        <p role="alert">{t("error.generic")}</p>
      </Layout>
    );
  if (!order)
    return (
      <Layout merchant={boot.merchant} title={t("items.title")}>
        <p role="status">{t("form.loading")}</p>
      </Layout>
    );

  const update = (id: string, choice: LineChoice) =>
    setDraft({ ...draft, lines: { ...draft.lines, [id]: choice } });

  async function next() {
    // The engine's answer for exactly this selection (the live one may still be on its way).
    const current = selected.length > 0 && judged?.key !== key ? (await judge()).preview : preview;
    const e: Record<string, string> = {};
    const chosen = Object.entries(draft.lines).filter(([, l]) => l.selected);
    if (chosen.length === 0) e["line-none"] = t("items.none");
    for (const [id, l] of chosen) {
      const line = order?.lines.find((x) => x.externalId === id);
      if (!l.reason) e[`reason-${id}`] = t("items.reason.missing", { item: line?.title ?? id });
      else if (line?.photosRequiredFor.includes(l.reason) && l.photoIds.length === 0)
        e[`photo-${id}`] = t("items.photos.missing", { item: line.title });
      else if (current?.lines.find((p) => p.orderLineExternalId === id)?.eligible === false)
        e[`reason-${id}`] = t("items.notEligible", { item: line?.title ?? id });
    }
    setErrors(e);
    if (Object.keys(e).length === 0) navigate(href(slug, "review"));
  }

  return (
    <Layout merchant={boot.merchant} title={t("items.title")}>
      <h1>
        <FormattedMessage id="items.title" />
      </h1>
      <p className="muted">
        <FormattedMessage
          id="items.order"
          values={{ number: order.order.number, date: f.day(order.order.placedAt, order.order.timeZone) }}
        />
      </p>
      {order.cases.length > 0 && (
        <section className="card" aria-labelledby="existing">
          <h2 id="existing">
            <FormattedMessage id="order.returns" />
          </h2>
          <ul>
            {order.cases.map((c) => (
              <li key={c.id}>
                <Link slug={slug} to={`returns/${c.id}`}>
                  {c.number}
                </Link>{" "}
                — <FormattedMessage id={`status.${c.status}`} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <ErrorSummary errors={Object.entries(errors).map(([id, message]) => ({ id, message }))} />
      {errors["line-none"] && (
        <p id="line-none" tabIndex={-1} className="error">
          {errors["line-none"]}
        </p>
      )}
      {order.gift && (
        <p className="notice">
          <FormattedMessage id="gift.intro" />
        </p>
      )}
      {order.lines.map((line) => {
        const choice = draft.lines[line.externalId] ?? {
          selected: false,
          quantity: 1,
          reason: "",
          comment: "",
          photoIds: [],
        };
        const judged = preview?.lines.find((p) => p.orderLineExternalId === line.externalId);
        return (
          <section key={line.externalId} className="card" aria-labelledby={`title-${line.externalId}`}>
            <div className="line-head">
              <h2 id={`title-${line.externalId}`}>{line.title}</h2>
              {line.unitPaid && <span>{t("items.price", { price: f.money(line.unitPaid) })}</span>}
            </div>
            {line.returnable === 0 ? (
              <p className="muted">
                <FormattedMessage id="items.noneReturnable" />
              </p>
            ) : (
              <>
                {choice.selected && judged ? (
                  <Explanation e={judged} country={order.order.country} />
                ) : (
                  line.changeOfMind && <Explanation e={line.changeOfMind} country={order.order.country} />
                )}
                <LineForm
                  line={line}
                  choice={choice}
                  errors={errors}
                  onChange={(c) => update(line.externalId, c)}
                />
              </>
            )}
          </section>
        );
      })}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void next()}>
          <FormattedMessage id="items.continue" />
        </button>
        {order.withdrawalFunction && (
          <Link slug={slug} to="withdraw" className="button secondary">
            <FormattedMessage id="withdraw.link" />
          </Link>
        )}
      </div>
      <p>
        <Link slug={slug} to="policy" query={{ country: order.order.country }}>
          <FormattedMessage id="nav.policy" />
        </Link>
      </p>
      <Assistant />
    </Layout>
  );
}
