import { type FormEvent, useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ApiError, fieldErrors } from "../../shared/api.ts";
import { useFormat } from "../../shared/i18n/format.ts";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { Layout } from "../../shared/ui/Layout.tsx";
import { Assistant } from "../Assistant.tsx";
import { CaseGroup } from "../CaseGroup.tsx";
import { Link } from "../Link.tsx";
import { href, navigate } from "../router.ts";
import { usePortal } from "../state.tsx";
import type { CaseView } from "../types.ts";

/** The confirmation and status page of one return: timeline, instructions, what can still be done. */
export default function StatusPage({ id }: { id: string }) {
  const { boot, slug, api } = usePortal();
  const intl = useIntl();
  const f = useFormat();
  const t = (key: string, v?: Record<string, string | number>) => intl.formatMessage({ id: key }, v);
  const [c, setCase] = useState<CaseView | null>(null);
  const [failed, setFailed] = useState(false);
  const [tracking, setTracking] = useState({ carrier: "", trackingNumber: "" });
  const [trackingError, setTrackingError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submitted = new URLSearchParams(window.location.search).get("submitted") === "1";

  useEffect(() => {
    api.case(id).then(setCase, (e: unknown) => {
      if (e instanceof ApiError && e.problem.status === 401) navigate(href(slug, ""));
      else setFailed(true);
    });
  }, [api, id, slug]);

  if (failed)
    return (
      <Layout merchant={boot.merchant} title={t("notFound.title")}>
        <p role="alert">{t("error.generic")}</p>
      </Layout>
    );
  if (!c)
    return (
      <Layout merchant={boot.merchant} title={t("status.loading")}>
        <p role="status">{t("form.loading")}</p>
      </Layout>
    );

  async function addTracking(e: FormEvent) {
    e.preventDefault();
    if (!/^[A-Za-z0-9 -]{4,60}$/.test(tracking.trackingNumber.trim()))
      return setTrackingError(t("tracking.invalid"));
    try {
      setCase(
        await api.tracking(id, {
          carrier: tracking.carrier || null,
          trackingNumber: tracking.trackingNumber,
        }),
      );
      setTrackingError(null);
      setNotice(t("tracking.saved", { number: tracking.trackingNumber.trim() }));
    } catch (err) {
      setTrackingError(fieldErrors(err).trackingNumber ? t("tracking.invalid") : t("error.generic"));
    }
  }
  async function act(run: () => Promise<CaseView>, done: string) {
    try {
      setCase(await run());
      setNotice(t(done));
    } catch {
      setNotice(t("error.generic"));
    }
  }

  const a = c.instructions?.address;
  return (
    <Layout merchant={boot.merchant} title={t("status.title", { number: c.number })}>
      <h1>
        <FormattedMessage id="status.title" values={{ number: c.number }} />
      </h1>
      {submitted && (
        <p className="notice notice--ok" role="status">
          <FormattedMessage id="submitted.title" />
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        <strong>
          <FormattedMessage id={`status.${c.status}`} />
        </strong>
      </p>
      <CaseGroup c={c} />
      {c.withdrawal && (
        <section className="card" aria-labelledby="ack">
          <h2 id="ack">
            <FormattedMessage id="withdraw.ack.title" />
          </h2>
          <p>
            <FormattedMessage
              id="withdraw.ack.received"
              values={{ datetime: f.dateTime(c.withdrawal.declaredAt) }}
            />
          </p>
        </section>
      )}
      {c.refundDeadline?.dueBy && c.status !== "cancelled" && (
        <p className="notice">
          <FormattedMessage
            id="cost.deadline"
            values={{ date: f.date(c.refundDeadline.dueBy), citation: c.refundDeadline.citation ?? "" }}
          />
        </p>
      )}
      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">
          <FormattedMessage id="timeline.title" />
        </h2>
        <ol className="timeline">
          {c.timeline.map((s) => (
            <li key={s.key} className={s.state} aria-current={s.state === "current" ? "step" : undefined}>
              <span className="dot" aria-hidden="true" />
              <span>
                <strong>
                  <FormattedMessage id={`timeline.${s.key}`} />
                </strong>
                <br />
                <span className="muted">
                  {s.at
                    ? t("timeline.done", { date: f.dateTime(s.at) })
                    : s.expectedBy
                      ? t("timeline.expected", { date: f.date(s.expectedBy) })
                      : t("timeline.upcoming")}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>
      {c.instructions && c.status !== "cancelled" && (
        <section className="card" aria-labelledby="instructions">
          <h2 id="instructions">
            <FormattedMessage id="instructions.title" />
          </h2>
          {a && (
            <>
              <p>
                <FormattedMessage id="instructions.address" />
              </p>
              <address className="address">
                {[
                  a.name,
                  a.line1,
                  [a.postalCode, a.city].filter(Boolean).join(" "),
                  a.country && new Intl.DisplayNames([intl.locale], { type: "region" }).of(a.country),
                ]
                  .filter(Boolean)
                  .join("\n")}
              </address>
            </>
          )}
          <p>
            <FormattedMessage
              id="instructions.reference"
              values={{ reference: <strong>{c.instructions.reference}</strong> }}
            />
          </p>
          {c.shipBy && (
            <p>
              <FormattedMessage id="instructions.shipBy" values={{ date: f.day(c.shipBy) }} />
            </p>
          )}
          {/* Slot for carrier labels and drop-off QR codes (filled when carriers are integrated). */}
          <div data-slot="return-labels">
            {c.instructions.labels.map((l) => (
              <p key={l.url}>
                <a href={l.url}>
                  <FormattedMessage id="instructions.labels" />
                </a>
              </p>
            ))}
          </div>
        </section>
      )}
      {c.canAddTracking && (
        <form className="card" onSubmit={addTracking} noValidate aria-labelledby="tracking-title">
          <h2 id="tracking-title">
            <FormattedMessage id="tracking.title" />
          </h2>
          <ErrorSummary errors={trackingError ? [{ id: "tracking-number", message: trackingError }] : []} />
          {c.tracking && (
            <p>
              <FormattedMessage id="tracking.saved" values={{ number: c.tracking.trackingNumber }} />
            </p>
          )}
          <Field id="carrier" label={`${t("tracking.carrier")} (${t("form.optional")})`}>
            {(x) => (
              <input
                id={x.id}
                value={tracking.carrier}
                onChange={(e) => setTracking({ ...tracking, carrier: e.target.value })}
              />
            )}
          </Field>
          <Field id="tracking-number" label={t("tracking.number")} error={trackingError}>
            {(x) => (
              <input
                id={x.id}
                value={tracking.trackingNumber}
                aria-describedby={x.describedBy}
                aria-invalid={x.invalid}
                aria-required="true"
                onChange={(e) => setTracking({ ...tracking, trackingNumber: e.target.value })}
              />
            )}
          </Field>
          <button type="submit" className="secondary">
            <FormattedMessage id="tracking.submit" />
          </button>
        </form>
      )}
      {c.settlements.length > 0 && (
        <section className="card" aria-labelledby="money">
          <h2 id="money">
            <FormattedMessage id="cost.title" />
          </h2>
          <ul>
            {c.settlements.map((s) => (
              <li key={s.id}>
                <FormattedMessage id={`cost.byMethod.${s.method}`} />
                {s.amount && <> — {f.money({ amount: s.amount, currency: s.currency })}</>}:{" "}
                <FormattedMessage id={`settlement.${s.status}`} />
                {s.method === "payment_request" && s.status === "requires_action" && (
                  <div className="actions">
                    <button
                      type="button"
                      className="primary"
                      onClick={() => void act(() => api.confirmPayment(id, s.id), "payment.confirmed")}
                    >
                      <FormattedMessage
                        id="payment.confirm"
                        values={{
                          amount: s.amount ? f.money({ amount: s.amount, currency: s.currency }) : "",
                        }}
                      />
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="actions">
        {c.canCancel && (
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (window.confirm(t("cancel.confirm"))) void act(() => api.cancel(id), "cancel.done");
            }}
          >
            <FormattedMessage id="cancel.button" />
          </button>
        )}
        <Link slug={slug} to="items" className="button secondary">
          <FormattedMessage id="status.back" />
        </Link>
      </div>
      <Assistant caseId={id} />
    </Layout>
  );
}
