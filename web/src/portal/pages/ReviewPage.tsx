import { useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ApiError, fieldErrors } from "../../shared/api.ts";
import { useFormat } from "../../shared/i18n/format.ts";
import { useLocale } from "../../shared/i18n/I18n.tsx";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { Layout } from "../../shared/ui/Layout.tsx";
import { BankAccountForm, type BankDetails } from "../BankAccountForm.tsx";
import { SplitPreview } from "../CaseGroup.tsx";
import { CostSummary } from "../CostSummary.tsx";
import { Link } from "../Link.tsx";
import { href, navigate } from "../router.ts";
import { emptyDraft, usePortal } from "../state.tsx";
import type { Preview, Variant } from "../types.ts";
import { useOrder } from "../useOrder.ts";

/** Step 3: how to be refunded, the full cost of that choice, then submit. */
export default function ReviewPage() {
  const { boot, slug, api, draft, setDraft, setOrder } = usePortal();
  const { order } = useOrder();
  const { locale } = useLocale();
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string, v?: Record<string, string | number>) => intl.formatMessage({ id }, v);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [variants, setVariants] = useState<Variant[]>([]);
  const [bank, setBank] = useState<{ details: BankDetails; valid: boolean }>({
    details: { scheme: "iban" },
    valid: false,
  });
  const [gift, setGift] = useState({ email: "", name: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const lines = Object.entries(draft.lines)
    .filter(([, l]) => l.selected && l.reason)
    .map(([id, l]) => ({
      orderLineExternalId: id,
      quantity: l.quantity,
      reason: l.reason,
      comment: l.comment || null,
      photoIds: l.photoIds,
    }));
  const single =
    lines.length === 1 ? order?.lines.find((l) => l.externalId === lines[0]?.orderLineExternalId) : undefined;
  const resolution = order?.gift ? "store_credit" : draft.resolution;
  const exchangeSku = resolution === "exchange" ? draft.replacementSku : null;
  const key = JSON.stringify([lines, resolution, exchangeSku]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the choice's content
  useEffect(() => {
    if (lines.length === 0) return;
    if (resolution === "exchange" && !exchangeSku) return setPreview(null);
    api
      .preview({
        lines: lines.map(({ comment, photoIds, ...l }) => l),
        resolution,
        replacementSku: exchangeSku,
      })
      .then(setPreview, () => setPreview(null));
  }, [key, api]);
  useEffect(() => {
    if (single?.exchangeable)
      api.variants(single.externalId).then(
        (r) => setVariants(r.items),
        () => setVariants([]),
      );
  }, [api, single?.exchangeable, single?.externalId]);

  if (!order)
    return (
      <Layout merchant={boot.merchant} title={t("review.title")}>
        <p role="status">{t("form.loading")}</p>
      </Layout>
    );
  if (lines.length === 0) {
    navigate(href(slug, "items"));
    return null;
  }
  const offered = order.gift
    ? ["store_credit"]
    : ["refund", "store_credit", "exchange", "keep_it"].filter(
        (r) =>
          (preview?.lines ?? []).every((l) => l.resolutions.includes(r)) &&
          (r !== "exchange" || (single?.exchangeable && variants.length > 0)),
      );
  const needsBank = !order.gift && resolution === "refund" && order.order.paidByBankTransfer;

  async function submit() {
    const e: Record<string, string> = {};
    if (resolution === "exchange" && !exchangeSku) e.variant = t("exchange.missing");
    if (order?.gift && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(gift.email))
      e["gift-email"] = t("lookup.email.invalid");
    if (needsBank && !bank.valid) e["bank-accountHolder"] = t("bank.error.check");
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      const created = await api.submit({
        lines,
        resolution,
        replacementSku: exchangeSku,
        bankAccount: needsBank ? bank.details : null,
        giftRecipient: order?.gift ? { email: gift.email, name: gift.name || null } : null,
        locale,
      });
      setDraft(emptyDraft);
      setOrder(null);
      navigate(href(slug, `returns/${created.id}`, { submitted: "1" }));
    } catch (err) {
      const fe = fieldErrors(err);
      const mapped: Record<string, string> = {};
      for (const [path, message] of Object.entries(fe)) {
        if (path.startsWith("bankAccount"))
          mapped[`bank-${path.split(".")[1] ?? "accountHolder"}`] = t("bank.error.check");
        else if (path.startsWith("giftRecipient")) mapped["gift-email"] = t("lookup.email.invalid");
        else if (path === "replacementSku") mapped.variant = t("exchange.missing");
        else mapped.submit = message;
      }
      if (err instanceof ApiError && err.problem.code === "not_eligible")
        mapped.submit = t("review.notEligible");
      if (Object.keys(mapped).length === 0) mapped.submit = t("error.generic");
      setErrors(mapped);
    } finally {
      setBusy(false);
    }
  }

  const bonus = preview?.refund?.lines.find((l) => l.type === "store_credit_bonus");
  return (
    <Layout merchant={boot.merchant} title={t("review.title")}>
      <h1>
        <FormattedMessage id="review.title" />
      </h1>
      <ErrorSummary
        errors={Object.entries(errors).map(([id, message]) => ({
          id: id === "submit" ? "submit-button" : id,
          message,
        }))}
      />
      {!order.gift && (
        <fieldset className="card">
          <legend>
            <FormattedMessage id="resolution.title" />
          </legend>
          {offered.map((r) => (
            <div className="choice" key={r}>
              <input
                type="radio"
                id={`res-${r}`}
                name="resolution"
                checked={resolution === r}
                onChange={() => setDraft({ ...draft, resolution: r })}
              />
              <label htmlFor={`res-${r}`}>
                <FormattedMessage id={`resolution.${r}`} />
                {r === "store_credit" && bonus && resolution === "store_credit" && (
                  <>
                    {" "}
                    —{" "}
                    <FormattedMessage
                      id="resolution.store_credit.bonus"
                      values={{
                        amount: f.money({
                          amount: bonus.amount,
                          currency: preview?.refund?.currency ?? "EUR",
                        }),
                      }}
                    />
                  </>
                )}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {resolution === "exchange" && (
        <fieldset className="card" id="variant" tabIndex={-1}>
          <legend>
            <FormattedMessage id="exchange.variant" />
          </legend>
          {errors.variant && <p className="error">{errors.variant}</p>}
          {variants.map((v) => {
            return (
              <div className="choice" key={v.sku}>
                <input
                  type="radio"
                  id={`variant-${v.sku}`}
                  name="variant"
                  disabled={!v.inStock}
                  checked={draft.replacementSku === v.sku}
                  onChange={() => setDraft({ ...draft, replacementSku: v.sku })}
                />
                <label htmlFor={`variant-${v.sku}`}>
                  {Object.values(v.options).join(" · ") || v.title} — {v.price ? f.money(v.price) : ""}{" "}
                  {!v.inStock && <span className="muted">({t("exchange.outOfStock")})</span>}
                </label>
              </div>
            );
          })}
        </fieldset>
      )}
      {needsBank && (
        <BankAccountForm
          value={bank.details}
          onChange={(details, valid) => setBank({ details, valid })}
          submitErrors={errors}
        />
      )}
      {order.gift && (
        <fieldset className="card">
          <legend>
            <FormattedMessage id="gift.title" />
          </legend>
          <Field id="gift-email" label={t("gift.email")} error={errors["gift-email"]}>
            {(a) => (
              <input
                id={a.id}
                type="email"
                autoComplete="email"
                value={gift.email}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid}
                aria-required="true"
                onChange={(e) => setGift({ ...gift, email: e.target.value })}
              />
            )}
          </Field>
          <Field id="gift-name" label={`${t("gift.name")} (${t("form.optional")})`}>
            {(a) => (
              <input
                id={a.id}
                autoComplete="name"
                value={gift.name}
                onChange={(e) => setGift({ ...gift, name: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
      )}
      {preview && <SplitPreview p={preview} lines={order.lines} />}
      {preview && <CostSummary p={preview} gift={order.gift} giftEmail={gift.email} />}
      {errors.submit && (
        <p className="error" role="alert">
          {errors.submit}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          id="submit-button"
          className="primary"
          disabled={busy || !preview}
          onClick={() => void submit()}
        >
          <FormattedMessage id={busy ? "form.submitting" : "review.submit"} />
        </button>
        <Link slug={slug} to="items" className="button secondary">
          <FormattedMessage id="review.back" />
        </Link>
      </div>
    </Layout>
  );
}
