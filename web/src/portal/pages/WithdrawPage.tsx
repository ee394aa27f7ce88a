import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ApiError } from "../../shared/api.ts";
import { useFormat } from "../../shared/i18n/format.ts";
import { useLocale } from "../../shared/i18n/I18n.tsx";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { Layout } from "../../shared/ui/Layout.tsx";
import { Link } from "../Link.tsx";
import { usePortal } from "../state.tsx";
import { useOrder } from "../useOrder.ts";

/**
 * The EU withdrawal function (Directive 2011/83/EU Art. 11a): step 1 names the items and the
 * consumer, step 2 confirms; the acknowledgement shows what was received and when.
 */
export default function WithdrawPage() {
  const { boot, slug, api, setOrder } = usePortal();
  const { order } = useOrder();
  const { locale } = useLocale();
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string, v?: Record<string, string | number>) => intl.formatMessage({ id }, v);
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [picked, setPicked] = useState<Record<string, number>>({});
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [ack, setAck] = useState<{ number: string; id: string; declaredAt: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!order)
    return (
      <Layout merchant={boot.merchant} title={t("withdraw.title")}>
        <p role="status">{t("form.loading")}</p>
      </Layout>
    );
  const lines = order.lines.filter((l) => l.returnable > 0);
  const chosen = lines.filter((l) => (picked[l.externalId] ?? 0) > 0);

  function toStep2() {
    const e: Record<string, string> = {};
    if (chosen.length === 0) e[`pick-${lines[0]?.externalId ?? "none"}`] = t("items.none");
    if (!name.trim()) e["w-name"] = t("withdraw.name.missing");
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) e["w-email"] = t("lookup.email.invalid");
    setErrors(e);
    if (Object.keys(e).length === 0) setStep(2);
  }

  async function confirm() {
    setBusy(true);
    try {
      const r = await api.withdraw({
        lines: chosen.map((l) => ({ orderLineExternalId: l.externalId, quantity: picked[l.externalId] })),
        name: name.trim(),
        email: email.trim(),
        locale,
        confirm: true,
      });
      setAck({ number: r.case.number, id: r.case.id, declaredAt: r.acknowledgement.declaredAt });
      setOrder(null);
      setStep(3);
    } catch (e) {
      setErrors({
        "confirm-button": t(
          e instanceof ApiError && e.problem.code === "not_eligible"
            ? "withdraw.notEligible"
            : "error.generic",
        ),
      });
    } finally {
      setBusy(false);
    }
  }

  const list = (
    <ul>
      {chosen.map((l) => (
        <li key={l.externalId}>
          {intl.formatNumber(picked[l.externalId] ?? 0)} × {l.title}
        </li>
      ))}
    </ul>
  );
  return (
    <Layout merchant={boot.merchant} title={t("withdraw.title")}>
      <h1>
        <FormattedMessage id={step === 3 ? "withdraw.ack.title" : "withdraw.title"} />
      </h1>
      <ErrorSummary errors={Object.entries(errors).map(([id, message]) => ({ id, message }))} />
      {step === 1 && (
        <div className="card">
          <p>
            <FormattedMessage id="withdraw.intro" />
          </p>
          <h2>
            <FormattedMessage id="withdraw.step1" />
          </h2>
          {lines.map((l) => (
            <div className="choice" key={l.externalId}>
              <input
                type="checkbox"
                id={`pick-${l.externalId}`}
                checked={(picked[l.externalId] ?? 0) > 0}
                onChange={(e) =>
                  setPicked({ ...picked, [l.externalId]: e.target.checked ? l.returnable : 0 })
                }
              />
              <label htmlFor={`pick-${l.externalId}`}>
                {intl.formatNumber(l.returnable)} × {l.title}
              </label>
            </div>
          ))}
          <Field id="w-name" label={t("withdraw.name")} error={errors["w-name"]}>
            {(a) => (
              <input
                id={a.id}
                autoComplete="name"
                value={name}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid}
                aria-required="true"
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field id="w-email" label={t("withdraw.email")} error={errors["w-email"]}>
            {(a) => (
              <input
                id={a.id}
                type="email"
                autoComplete="email"
                value={email}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid}
                aria-required="true"
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <div className="actions">
            <button type="button" className="primary" onClick={toStep2}>
              <FormattedMessage id="withdraw.continue" />
            </button>
            <Link slug={slug} to="items" className="button secondary">
              <FormattedMessage id="review.back" />
            </Link>
          </div>
        </div>
      )}
      {step === 2 && (
        <div className="card">
          <h2>
            <FormattedMessage id="withdraw.step2" />
          </h2>
          <p>
            <FormattedMessage id="withdraw.statement" values={{ number: order.order.number }} />
          </p>
          {list}
          <p>
            {name} · {email}
          </p>
          <div className="actions">
            <button
              type="button"
              id="confirm-button"
              className="primary"
              disabled={busy}
              onClick={() => void confirm()}
            >
              <FormattedMessage id={busy ? "form.submitting" : "withdraw.confirm"} />
            </button>
            <button type="button" className="secondary" onClick={() => setStep(1)}>
              <FormattedMessage id="review.back" />
            </button>
          </div>
        </div>
      )}
      {step === 3 && ack && (
        <div className="card" role="status">
          <p className="notice notice--ok">
            <FormattedMessage
              id="withdraw.ack.received"
              values={{ datetime: f.dateTime(ack.declaredAt, order.order.timeZone) }}
            />
          </p>
          <p>
            <FormattedMessage id="withdraw.statement" values={{ number: order.order.number }} />
          </p>
          {list}
          <p>
            <FormattedMessage id="withdraw.ack.keep" values={{ reference: ack.number }} />
          </p>
          <Link slug={slug} to={`returns/${ack.id}`} className="button primary">
            <FormattedMessage id="withdraw.ack.next" />
          </Link>
        </div>
      )}
    </Layout>
  );
}
