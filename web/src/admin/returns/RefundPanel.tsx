import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { useSession } from "../session.tsx";
import { errorsFor, useProblemText } from "../useForm.ts";
import type { RefundPreview, ReturnCaseJson } from "./types.ts";

/**
 * Refund preview and execution: the same calculation the API issues, shown line by line before the
 * agent commits; the execution carries an idempotency key, so a double click moves money once.
 */
export function RefundPanel({ kase, changed }: { kase: ReturnCaseJson; changed(): void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const fmt = useFormat();
  const { client, can } = useSession();
  const problemText = useProblemText();
  const [goodwill, setGoodwill] = useState("");
  const [preview, setPreview] = useState<RefundPreview | null>(null);
  const [key, setKey] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!can("refunds:write")) return null;
  const body = () =>
    goodwill.trim() ? { goodwill: { amount: goodwill.trim(), currency: kase.currency } } : {};
  const fail = (e: unknown) => {
    setProblem(problemText(e));
    setErrors(errorsFor(e, { "goodwill.amount": "goodwill", goodwill: "goodwill" }));
  };
  async function showPreview() {
    try {
      setPreview(await client.merchant<RefundPreview>("POST", `/returns/${kase.id}/refund-preview`, body()));
      setKey(crypto.randomUUID());
      setErrors({});
      setProblem(null);
      setDone(null);
    } catch (e) {
      fail(e);
    }
  }
  async function issue() {
    try {
      const r = await client.once<{ calculation: { total: string } }>(
        `/returns/${kase.id}/refunds`,
        body(),
        key,
      );
      setDone(fmt.money({ amount: r.calculation.total, currency: kase.currency }));
      setPreview(null);
      setGoodwill("");
      changed();
    } catch (e) {
      fail(e);
    }
  }
  return (
    <section aria-labelledby="refund-title">
      <h2 id="refund-title">
        <FormattedMessage id="refund.title" />
      </h2>
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      {done && (
        <p className="notice notice--ok" role="status">
          <FormattedMessage id="refund.issued" values={{ total: done }} />
        </p>
      )}
      <ErrorSummary errors={Object.entries(errors).map(([id, message]) => ({ id, message }))} />
      <div className="inline-form">
        <Field
          id="goodwill"
          label={t("refund.goodwill")}
          hint={t("refund.goodwill.hint")}
          error={errors.goodwill}
        >
          {(f) => (
            <input
              id={f.id}
              value={goodwill}
              inputMode="decimal"
              maxLength={20}
              onChange={(ev) => {
                setGoodwill(ev.target.value);
                setPreview(null);
              }}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid}
            />
          )}
        </Field>
        <button type="button" onClick={() => void showPreview()}>
          <FormattedMessage id="refund.preview" />
        </button>
      </div>
      {preview && !preview.due && (
        <p role="status">
          <FormattedMessage id="refund.notDue" />
        </p>
      )}
      {preview?.calculation && (
        <>
          <table className="data">
            <caption>
              <FormattedMessage id="refund.calculation" />
            </caption>
            <tbody>
              {preview.calculation.lines.map((l) => (
                <tr key={`${l.type}-${l.caseLineId ?? ""}-${l.description}`}>
                  <th scope="row">{t(`refundLine.${l.type}`)}</th>
                  <td>{l.description}</td>
                  <td className="amount">
                    {fmt.money({
                      amount: l.amount,
                      currency: preview.calculation?.currency ?? kase.currency,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  <FormattedMessage id="refund.total" />
                </th>
                <td className="amount">
                  {fmt.money({ amount: preview.calculation.total, currency: preview.calculation.currency })}
                </td>
              </tr>
            </tfoot>
          </table>
          <ul>
            {preview.settlements.map((s) => (
              <li key={`${s.method}-${s.tenderId ?? ""}`}>
                {t(`method.${s.method}`)}: {fmt.money(s)}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => void issue()}>
            <FormattedMessage
              id="refund.issue"
              values={{
                total: fmt.money({
                  amount: preview.calculation.total,
                  currency: preview.calculation.currency,
                }),
              }}
            />
          </button>
        </>
      )}
    </section>
  );
}
