import { useIntl } from "react-intl";
import { Field } from "../../shared/ui/Field.tsx";
import { RESOLUTIONS } from "../returns/types.ts";
import { type PolicyForm, TRIGGERS } from "./policy-doc.ts";

/** The policy as a form: each control labelled, its error next to it. */
export function PolicyFields(props: {
  form: PolicyForm;
  errors: Record<string, string>;
  set(patch: Partial<PolicyForm>): void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { form, errors, set } = props;
  const text = (
    id: string,
    key: keyof PolicyForm,
    extra: { hint?: string; inputMode?: "numeric" | "decimal"; size?: number } = {},
  ) => (
    <Field id={id} label={t(`policyForm.${key}`)} hint={extra.hint} error={errors[id]}>
      {(f) => (
        <input
          id={f.id}
          value={String(form[key])}
          inputMode={extra.inputMode}
          size={extra.size}
          onChange={(ev) => set({ [key]: ev.target.value })}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid}
        />
      )}
    </Field>
  );
  const select = (id: string, key: keyof PolicyForm, options: readonly string[], prefix: string) => (
    <Field id={id} label={t(`policyForm.${key}`)} error={errors[id]}>
      {(f) => (
        <select
          id={f.id}
          value={String(form[key])}
          onChange={(ev) => set({ [key]: ev.target.value })}
          aria-describedby={f.describedBy}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`${prefix}.${o}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <div className="policy-fields">
      {text("policy-name", "name")}
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.active}
            onChange={(ev) => set({ active: ev.target.checked })}
          />{" "}
          {t("policyForm.active")}
        </label>
      </div>
      {text("policy-countries", "countries", { hint: t("policyForm.countries.hint") })}
      <div className="inline-form">
        {text("policy-days", "days", { inputMode: "numeric", size: 6 })}
        {select("policy-from", "from", ["delivery", "shipment", "order"], "policyForm.from")}
      </div>
      <div className="inline-form">
        {select("policy-paid-by", "paidBy", ["merchant", "customer"], "policyForm.paidBy")}
        {text("policy-fee-currency", "feeCurrency", { size: 5 })}
        {text("policy-fee-amount", "feeAmount", { inputMode: "decimal", size: 8 })}
      </div>
      <fieldset className={errors["policy-resolutions"] ? "field--error" : undefined}>
        <legend id="policy-resolutions" tabIndex={-1}>
          {t("policyForm.resolutions")}
        </legend>
        {errors["policy-resolutions"] && <p className="error">{errors["policy-resolutions"]}</p>}
        {RESOLUTIONS.map((r) => (
          <label key={r} className="checkbox">
            <input
              type="checkbox"
              checked={form.resolutions.includes(r)}
              onChange={(ev) =>
                set({
                  resolutions: ev.target.checked
                    ? [...form.resolutions, r]
                    : form.resolutions.filter((x) => x !== r),
                })
              }
            />{" "}
            {t(`resolution.${r}`)}
          </label>
        ))}
      </fieldset>
      <div className="inline-form">
        {select("policy-trigger", "refundTrigger", TRIGGERS, "policyForm.trigger")}
        {text("policy-restocking", "restockingPercent", { inputMode: "decimal", size: 6 })}
        {text("policy-bonus", "bonusPercent", { inputMode: "decimal", size: 6 })}
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.requireReview}
            onChange={(ev) => set({ requireReview: ev.target.checked })}
          />{" "}
          {t("policyForm.requireReview")}
        </label>
      </div>
    </div>
  );
}
