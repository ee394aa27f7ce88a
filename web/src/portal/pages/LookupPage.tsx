import { type FormEvent, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ApiError } from "../../shared/api.ts";
import { useLocale } from "../../shared/i18n/I18n.tsx";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { Layout } from "../../shared/ui/Layout.tsx";
import { Link } from "../Link.tsx";
import { href, navigate } from "../router.ts";
import { emptyDraft, usePortal } from "../state.tsx";

type Method = "email" | "postalCode" | "giftCode";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Step 1: find the order without an account (number + e-mail, postal code or gift code). */
export function LookupPage() {
  const { boot, slug, api, setDraft, setOrder } = usePortal();
  const intl = useIntl();
  const { setLocale } = useLocale();
  const t = (id: string, v?: Record<string, string | number>) => intl.formatMessage({ id }, v);
  // A shop can link straight to its order: /returns/{merchant}?order=NW-100123
  const [orderNumber, setOrderNumber] = useState(
    () => new URLSearchParams(window.location.search).get("order") ?? "",
  );
  const [method, setMethod] = useState<Method>("email");
  const [secret, setSecret] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function check(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!orderNumber.trim()) e.orderNumber = t("lookup.orderNumber.missing");
    if (method === "email" && !EMAIL.test(secret.trim())) e.secret = t("lookup.email.invalid");
    if (method === "postalCode" && secret.trim().length < 2) e.secret = t("lookup.postalCode.missing");
    if (method === "giftCode" && !/^[A-Za-z0-9 -]{6,64}$/.test(secret.trim()))
      e.secret = t("lookup.giftCode.invalid");
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = check();
    setErrors(e);
    setProblem(null);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      const lang = new URLSearchParams(window.location.search).get("lang");
      const r = await api.lookup({
        orderNumber: orderNumber.trim(),
        [method]: secret.trim(),
        ...(lang ? { locale: lang } : {}),
      });
      setDraft(emptyDraft);
      setOrder(null);
      if (!lang) setLocale(r.locale);
      navigate(href(slug, "items"));
    } catch (err) {
      const p = err instanceof ApiError ? err.problem : null;
      if (p?.status === 429)
        setProblem(t("error.rateLimited", { minutes: Math.ceil(Number(p.retryAfterSeconds ?? 900) / 60) }));
      else if (p?.status === 404) setProblem(t("lookup.notFound"));
      else if (p?.status === 400) setErrors({ orderNumber: t("lookup.notFound") });
      else setProblem(t(p?.status === 0 ? "error.network" : "error.generic"));
    } finally {
      setBusy(false);
    }
  }

  const summary = [
    ...(errors.orderNumber ? [{ id: "orderNumber", message: errors.orderNumber }] : []),
    ...(errors.secret ? [{ id: "secret", message: errors.secret }] : []),
  ];
  const secretLabel = { email: "lookup.email", postalCode: "lookup.postalCode", giftCode: "lookup.giftCode" }[
    method
  ];
  return (
    <Layout merchant={boot.merchant} title={t("lookup.title")}>
      <h1>
        <FormattedMessage id="lookup.title" />
      </h1>
      <p>
        <FormattedMessage id="lookup.intro" />
      </p>
      <ErrorSummary errors={summary} />
      {problem && (
        <div className="notice notice--bad" role="alert">
          {problem}
        </div>
      )}
      <form className="card" onSubmit={submit} noValidate>
        <Field
          id="orderNumber"
          label={t("lookup.orderNumber")}
          hint={t("lookup.orderNumber.hint", { example: "NW-100123" })}
          error={errors.orderNumber}
        >
          {(a) => (
            <input
              id={a.id}
              name="orderNumber"
              autoComplete="off"
              value={orderNumber}
              onChange={(e) => setOrderNumber(e.target.value)}
              aria-describedby={a.describedBy}
              aria-invalid={a.invalid}
              aria-required="true"
            />
          )}
        </Field>
        <fieldset>
          <legend>
            <FormattedMessage id="lookup.method" />
          </legend>
          {(["email", "postalCode", "giftCode"] as const).map((m) => (
            <div className="choice" key={m}>
              <input
                type="radio"
                id={`method-${m}`}
                name="method"
                value={m}
                checked={method === m}
                onChange={() => {
                  setMethod(m);
                  setSecret("");
                }}
              />
              <label htmlFor={`method-${m}`}>
                <FormattedMessage id={`lookup.method.${m}`} />
              </label>
            </div>
          ))}
        </fieldset>
        <Field id="secret" label={t(secretLabel)} error={errors.secret}>
          {(a) => (
            <input
              id={a.id}
              name={method}
              type={method === "email" ? "email" : "text"}
              autoComplete={method === "email" ? "email" : method === "postalCode" ? "postal-code" : "off"}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              aria-describedby={a.describedBy}
              aria-invalid={a.invalid}
              aria-required="true"
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            <FormattedMessage id={busy ? "form.submitting" : "lookup.submit"} />
          </button>
        </div>
      </form>
      <p>
        <Link slug={slug} to="policy">
          <FormattedMessage id="nav.policy" />
        </Link>
      </p>
    </Layout>
  );
}
