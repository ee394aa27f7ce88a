import type { MirrorCase, MirrorOutcome, MirrorRecord } from "../../app/platforms/ports.ts";
import { legacyId } from "./platform-amounts.ts";
import { refusedBy, type ShopifyRequest } from "./shopify-client.ts";
import {
  RETURN_APPROVE,
  RETURN_PROCESS,
  RETURN_QUERY,
  RETURN_REQUEST,
  RETURNABLE_QUERY,
} from "./shopify-queries.ts";

interface ReturnLine {
  readonly id: string;
  readonly quantity: number;
  readonly processedQuantity: number;
  readonly fulfillmentLineItem: { readonly lineItem: { readonly id: string } };
}
interface ShopifyReturn {
  readonly id: string;
  readonly status: string;
  readonly returnLineItems: { readonly nodes: readonly ReturnLine[] };
}
type Payload = { return: ShopifyReturn | null; userErrors: { field: string[] | null; message: string }[] };

/** Our reasons onto Shopify's ReturnReason enum (deprecated since 2026-01 for returnReasonDefinitionId, still accepted). */
const REASONS: Readonly<Record<string, string>> = {
  wrong_size: "SIZE_TOO_SMALL",
  not_as_described: "NOT_AS_DESCRIBED",
  defective: "DEFECTIVE",
  damaged_in_transit: "DEFECTIVE",
  wrong_item: "WRONG_ITEM",
  changed_mind: "UNWANTED",
  no_longer_needed: "UNWANTED",
};

const noteOf = (c: MirrorCase) => `Crossback ${c.caseNumber}`;
const outcome = (r: ShopifyReturn): MirrorOutcome => ({
  id: r.id,
  detail: { status: r.status, returnLineItems: r.returnLineItems.nodes.map((l) => l.id) },
});

/**
 * returnRequest for the case's units, fulfilment line item by fulfilment line item. A return already
 * carrying the case's note (a retry after a lost answer) is taken instead of requesting another.
 */
export async function shopifyRequestReturn(request: ShopifyRequest, c: MirrorCase): Promise<MirrorOutcome> {
  type Returnable = { quantity: number; fulfillmentLineItem: { id: string; lineItem: { id: string } } };
  const data = await request<{
    returnableFulfillments: { nodes: { returnableFulfillmentLineItems: { nodes: Returnable[] } }[] };
    order: {
      returns: { nodes: { id: string; returnLineItems: { nodes: { customerNote?: string | null }[] } }[] };
    } | null;
  }>(RETURNABLE_QUERY, { orderId: c.platformOrderId });
  const mine = data.order?.returns.nodes.find((r) =>
    r.returnLineItems.nodes.some((l) => l.customerNote === noteOf(c)),
  );
  if (mine) return outcome((await request<{ return: ShopifyReturn }>(RETURN_QUERY, { id: mine.id })).return);
  const returnable = data.returnableFulfillments.nodes.flatMap((f) => f.returnableFulfillmentLineItems.nodes);
  const lines: Record<string, unknown>[] = [];
  for (const line of c.lines) {
    let left = line.quantity;
    for (const r of returnable) {
      if (left <= 0 || legacyId(r.fulfillmentLineItem.lineItem.id) !== line.lineExternalId) continue;
      const quantity = Math.min(left, r.quantity);
      if (quantity <= 0) continue;
      left -= quantity;
      const returnReason = REASONS[line.reason] ?? "OTHER";
      lines.push({
        fulfillmentLineItemId: r.fulfillmentLineItem.id,
        quantity,
        returnReason,
        customerNote: noteOf(c),
      });
    }
    if (left > 0)
      throw new Error(`line ${line.lineExternalId}: ${left} unit(s) are not returnable on Shopify`);
  }
  const res = await request<{ returnRequest: Payload }>(RETURN_REQUEST, {
    input: { orderId: c.platformOrderId, returnLineItems: lines },
  });
  refusedBy(res.returnRequest, "returnRequest");
  if (!res.returnRequest.return) throw new Error("returnRequest gave no return");
  return outcome(res.returnRequest.return);
}

/** returnApproveRequest, unless the return is no longer REQUESTED (approved already: nothing to do). */
export async function shopifyApproveReturn(
  request: ShopifyRequest,
  req: MirrorRecord,
): Promise<MirrorOutcome> {
  const current = (await request<{ return: ShopifyReturn }>(RETURN_QUERY, { id: req.platformId })).return;
  if (current.status !== "REQUESTED") return outcome(current);
  const res = await request<{ returnApproveRequest: Payload }>(RETURN_APPROVE, {
    input: { id: req.platformId },
  });
  refusedBy(res.returnApproveRequest, "returnApproveRequest");
  if (!res.returnApproveRequest.return) throw new Error("returnApproveRequest gave no return");
  return outcome(res.returnApproveRequest.return);
}

/**
 * returnProcess of the units refunded so far that Shopify has not processed yet (so a retry processes
 * nothing twice). The money moved through Crossback's payment gateway: no financialTransfer here.
 */
export async function shopifyProcessReturn(
  request: ShopifyRequest,
  c: MirrorCase,
  req: MirrorRecord,
): Promise<MirrorOutcome> {
  const current = (await request<{ return: ShopifyReturn }>(RETURN_QUERY, { id: req.platformId })).return;
  const items: { id: string; quantity: number }[] = [];
  for (const line of c.lines) {
    const mine = current.returnLineItems.nodes.filter(
      (l) => legacyId(l.fulfillmentLineItem.lineItem.id) === line.lineExternalId,
    );
    let left = line.quantity - mine.reduce((n, l) => n + l.processedQuantity, 0);
    for (const l of mine) {
      const quantity = Math.min(left, l.quantity - l.processedQuantity);
      if (quantity <= 0) continue;
      items.push({ id: l.id, quantity });
      left -= quantity;
    }
  }
  if (items.length === 0)
    return { ...outcome(current), detail: { ...outcome(current).detail, processed: [] } };
  const res = await request<{ returnProcess: Payload }>(RETURN_PROCESS, {
    input: { returnId: req.platformId, returnLineItems: items, notifyCustomer: false },
  });
  refusedBy(res.returnProcess, "returnProcess");
  const done = res.returnProcess.return ?? current;
  return { ...outcome(done), detail: { ...outcome(done).detail, processed: items } };
}
