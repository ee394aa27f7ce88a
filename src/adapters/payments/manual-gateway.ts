import type { PaymentGateway } from "../../app/ports/index.ts";

/**
 * The merchant refunds outside Crossback (in the payment provider's dashboard, by bank transfer…):
 * the settlement is recorded as done, with a reference that says so.
 */
export function manualGateway(): PaymentGateway {
  return {
    name: "manual",
    async refund(req) {
      return { status: "succeeded", providerReference: `manual:${req.settlementId}` };
    },
  };
}
