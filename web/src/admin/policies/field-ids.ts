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
