import type { Actor } from "../../domain/actor.ts";
import { runCaseCommand } from "../case-commands.ts";
import { createReturn } from "../create-return.ts";
import type { Deps } from "../ports/index.ts";
import { productBySku } from "./demo-catalog.ts";
import type { DemoOrder } from "./demo-orders.ts";
import { DAY_MS } from "./demo-shipments.ts";

/**
 * Two EU returns still in transit whose statutory refund deadline (14 days from the withdrawal) has
 * passed, or falls within the next 3 days: what the dashboard's "deadlines at risk" and the queue's
 * refund-deadline filter exist for.
 */

const ACTOR: Actor = { kind: "system", id: "demo-seed", name: "Demo seed" };
const EU = ["DE", "FR", "NL"];

/** Days before now the shopper asked, approved and shipped. */
const STORIES = [
  { requested: 16.5, approved: 16, shipped: 15, reason: "wrong_size" as const },
  { requested: 12.5, approved: 12, shipped: 10.5, reason: "changed_mind" as const },
];

const ordinary = (sku: string) => {
  const b = productBySku.get(sku)?.body;
  return (
    !!b &&
    !b.vendor &&
    !b.digital &&
    !(b.finalSale || b.personalised || b.perishable || b.sealedHygiene || b.sealedMedia)
  );
};

/** A line delivered in full 1 to 10 days before `at`, in the EU, that no case holds yet. */
function candidates(orders: readonly DemoOrder[], at: number) {
  return orders.flatMap((o) => {
    if (!EU.includes(o.country.country)) return [];
    const fulfilments = o.json.fulfilments ?? [];
    return o.json.lines
      .filter((l) => ordinary(l.sku))
      .flatMap((l) => {
        const parcels = fulfilments.filter((f) => f.lines.some((fl) => fl.lineExternalId === l.externalId));
        const delivered = Math.max(
          ...parcels.map((f) => (f.deliveredAt ? Date.parse(f.deliveredAt) : Infinity)),
        );
        const units = parcels.flatMap((f) => f.lines).filter((fl) => fl.lineExternalId === l.externalId);
        const whole = units.reduce((n, fl) => n + fl.quantity, 0) === l.quantity;
        const ok = whole && delivered < at - DAY_MS && delivered > at - 10 * DAY_MS;
        return ok ? [{ order: o, line: l.externalId }] : [];
      });
  });
}

export async function seedAtRiskReturns(
  deps: Deps,
  merchantId: string,
  orders: readonly DemoOrder[],
): Promise<number> {
  const now = deps.clock.now().getTime();
  const at = (daysAgo: number): Deps => ({ ...deps, clock: { now: () => new Date(now - daysAgo * DAY_MS) } });
  let opened = 0;
  const taken = new Set<string>();
  for (const story of STORIES) {
    for (const pick of candidates(orders, now - story.requested * DAY_MS)) {
      if (taken.has(pick.order.externalId)) continue;
      const input = {
        orderExternalId: pick.order.externalId,
        lines: [{ orderLineExternalId: pick.line, quantity: 1, reason: story.reason, comment: null }],
        requestedResolution: "refund" as const,
        source: "portal" as const,
        override: null,
      };
      const c = await createReturn(at(story.requested), merchantId, input, ACTOR);
      if (!c.ok) continue; // held by another demo case, or not returnable: try the next line
      taken.add(pick.order.externalId);
      const approved = await runCaseCommand(
        at(story.approved),
        merchantId,
        c.value.id,
        { type: "approve" },
        {
          actor: ACTOR,
        },
      );
      if (!approved.ok) throw new Error(`demo at-risk approve refused: ${JSON.stringify(approved.error)}`);
      const ship = { type: "ship" as const, carrier: "DHL", trackingNumber: `RT-RISK-${opened + 1}` };
      const shipped = await runCaseCommand(at(story.shipped), merchantId, c.value.id, ship, { actor: ACTOR });
      if (!shipped.ok) throw new Error(`demo at-risk ship refused: ${JSON.stringify(shipped.error)}`);
      opened++;
      break;
    }
  }
  return opened;
}
