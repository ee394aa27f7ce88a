import { useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Field } from "../shared/ui/Field.tsx";
import { usePortal } from "./state.tsx";

const SCHEMES: Record<string, readonly string[]> = {
  iban: ["iban", "bic"],
  gb_sort_code: ["sortCode", "accountNumber"],
  us_aba: ["routingNumber", "accountNumber", "accountType"],
  mx_clabe: ["clabe"],
  br_pix: ["key"],
};

export type BankDetails = Record<string, string>;

/**
 * Bank details for a bank-transfer refund, checked as the shopper types by the API's own rules
 * (POST …/bank-account/check): the errors shown are the ones the submission would get.
 */
export function BankAccountForm({
  value,
  onChange,
  submitErrors,
}: {
  value: BankDetails;
  onChange(v: BankDetails, valid: boolean): void;
  submitErrors: Record<string, string>;
}) {
  const { api } = usePortal();
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string>) => intl.formatMessage({ id }, v);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [masked, setMasked] = useState<string | null>(null);
  const scheme = value.scheme ?? "iban";
  const fields = ["accountHolder", ...(SCHEMES[scheme] ?? [])];
  const key = JSON.stringify(value);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the form's content
  useEffect(() => {
    const filled = fields.some((f) => f !== "bic" && (value[f] ?? "") !== "");
    if (!filled) return;
    const timer = setTimeout(() => {
      api.checkBank({ scheme, ...value }).then(
        (r) => {
          setMasked(r.valid ? (r.masked ?? null) : null);
          setErrors(Object.fromEntries((r.errors ?? []).map((e) => [e.path, e.message])));
          onChange(value, r.valid);
        },
        () => setErrors({}),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [key]);

  const set = (field: string, v: string) => onChange({ ...value, scheme, [field]: v }, false);
  const message = (field: string) => {
    const e = submitErrors[`bankAccount.${field}`] ?? errors[field];
    if (!e) return null;
    return t(/required/.test(e) ? "bank.error.required" : "bank.error.invalid", { detail: e });
  };
  return (
    <fieldset className="card">
      <legend>
        <FormattedMessage id="bank.title" />
      </legend>
      <p className="hint">
        <FormattedMessage id="bank.intro" />
      </p>
      <Field id="bank-scheme" label={t("bank.scheme")}>
        {(a) => (
          <select
            id={a.id}
            value={scheme}
            onChange={(e) =>
              onChange({ accountHolder: value.accountHolder ?? "", scheme: e.target.value }, false)
            }
          >
            {Object.keys(SCHEMES).map((s) => (
              <option key={s} value={s}>
                {t(`bank.scheme.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {fields.map((field) => (
        <Field key={field} id={`bank-${field}`} label={t(`bank.${field}`)} error={message(field)}>
          {(a) =>
            field === "accountType" ? (
              <select
                id={a.id}
                value={value[field] ?? "checking"}
                aria-describedby={a.describedBy}
                onChange={(e) => set(field, e.target.value)}
              >
                <option value="checking">{t("bank.checking")}</option>
                <option value="savings">{t("bank.savings")}</option>
              </select>
            ) : (
              <input
                id={a.id}
                value={value[field] ?? ""}
                autoComplete={field === "accountHolder" ? "name" : "off"}
                spellCheck={false}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid}
                onChange={(e) => set(field, e.target.value)}
              />
            )
          }
        </Field>
      ))}
      {masked && (
        <p className="notice notice--ok" role="status">
          <FormattedMessage id="bank.valid" values={{ masked }} />
        </p>
      )}
    </fieldset>
  );
}
