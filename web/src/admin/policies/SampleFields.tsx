import { FormattedMessage, useIntl } from "react-intl";
import { Field } from "../../shared/ui/Field.tsx";
import { REASONS } from "../returns/types.ts";
import type { Sample } from "./usePolicyCheck.ts";

/** The order and line to judge with the draft (an order of the merchant's, by its number). */
export function SampleFields(props: { sample: Sample; error?: string; set(s: Sample): void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { sample, set } = props;
  return (
    <fieldset className="sample">
      <legend>
        <FormattedMessage id="policyEditor.sample" />
      </legend>
      <div className="inline-form">
        <Field id="sample-order" label={t("policyEditor.sample.order")} error={props.error}>
          {(f) => (
            <input
              id={f.id}
              value={sample.orderExternalId}
              onChange={(ev) => set({ ...sample, orderExternalId: ev.target.value })}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid}
            />
          )}
        </Field>
        <Field id="sample-line" label={t("policyEditor.sample.line")}>
          {(f) => (
            <input
              id={f.id}
              value={sample.orderLineExternalId}
              size={8}
              onChange={(ev) => set({ ...sample, orderLineExternalId: ev.target.value })}
            />
          )}
        </Field>
        <Field id="sample-reason" label={t("filter.reason")}>
          {(f) => (
            <select
              id={f.id}
              value={sample.reason}
              onChange={(ev) => set({ ...sample, reason: ev.target.value })}
            >
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`reason.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}
