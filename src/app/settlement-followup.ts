import type { Deps, GatewayRefundResult, SettlementChange } from "./ports/index.ts";
import { gatewayRequest, openGateway } from "./settle.ts";
import { changeSettlement } from "./settlement-change.ts";

/**
 * Asks again about refunds a provider accepted without an outcome, for gateways that can be asked
 * (`lookup`) and send no webhook for it (Shopify: a PENDING refund transaction is never announced).
 * Only settlements still `awaiting_provider` and untouched since `before` are asked; nothing is ever
 * sent that moves money. Succeeded / failed are recorded against the locked row (if it has not moved
 * meanwhile); still pending or unknown keeps waiting, and the sweep's overdue rule still applies.
 * Answers how many settlements reached an outcome.
 */
export async function followUpSettlements(deps: Deps, before: Date, limit: number): Promise<number> {
  let settled = 0;
  for (const s of await deps.store.read.settlements.stuck("awaiting_provider", before, limit)) {
    const gateway = s.gateway ? deps.gateways.get(s.gateway) : undefined;
    if (!gateway?.lookup) continue;
    const opened = await openGateway(deps, s);
    if ("missing" in opened) continue;
    let result: GatewayRefundResult | null;
    try {
      result = await gateway.lookup(await gatewayRequest(deps, s, opened));
    } catch {
      continue; // the provider could not be asked now: the next sweep asks again
    }
    let change: SettlementChange | null = null;
    if (result?.status === "succeeded")
      change = { status: "succeeded", providerReference: result.providerReference, failureReason: null };
    else if (result?.status === "failed") change = { status: "failed", failureReason: result.reason };
    if (!change) continue;
    const outcome = change;
    const at = deps.clock.now();
    const moved = await deps.store.transaction(async (r) => {
      const current = await r.settlements.lock(s.id);
      if (current?.status !== "awaiting_provider") return null;
      return changeSettlement(deps, r, current, outcome, at, "sweep");
    });
    if (moved) settled++;
  }
  return settled;
}
