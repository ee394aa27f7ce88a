import { fieldErrors } from "../../shared/api.ts";

const BY_PREFIX: readonly [string, string][] = [
  ["name", "policy-name"],
  ["scope", "policy-countries"],
  ["window.days", "policy-days"],
  ["window.from", "policy-from"],
  ["returnShipping.flatFee", "policy-fee-amount"],
  ["returnShipping.paidBy", "policy-paid-by"],
  ["resolutions", "policy-resolutions"],
  ["refundTrigger", "policy-trigger"],
  ["restockingFee", "policy-restocking"],
  ["storeCreditBonus", "policy-bonus"],
  ["sample", "sample-order"],
  ["id", "new-policy-id"],
];

/** Each field's label (a message id), so an error summary names the field it is about. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  "policy-name": "policyForm.name",
  "policy-countries": "policyForm.countries",
  "policy-days": "policyForm.days",
  "policy-from": "policyForm.from",
  "policy-fee-amount": "policyForm.feeAmount",
  "policy-paid-by": "policyForm.paidBy",
  "policy-resolutions": "policyForm.resolutions",
  "policy-trigger": "policyForm.refundTrigger",
  "policy-restocking": "policyForm.restockingPercent",
  "policy-bonus": "policyForm.bonusPercent",
  "sample-order": "policyEditor.sample.order",
};

/** A problem's field errors under the editor's field ids ("policy.window.days" → "policy-days"). */
export function policyFieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(e))) {
    const p = path.replace(/^policy\./, "");
    const id = BY_PREFIX.find(
      ([prefix]) => p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`),
    )?.[1];
    const key = id ?? "policy-other";
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}
