import type { Actor } from "../../domain/actor.ts";
import { runCaseCommand } from "../case-commands.ts";
import { createReturn } from "../create-return.ts";
import type { Deps } from "../ports/index.ts";
import { productBySku } from "./demo-catalog.ts";
import type { DemoOrder } from "./demo-orders.ts";
import { returnCommand, STEP_DAYS } from "./demo-return-commands.ts";
import { type LineKind, RETURN_PLANS, type ReturnPlan } from "./demo-return-plans.ts";
import { DAY_MS } from "./demo-shipments.ts";
import type { Rng } from "./prng.ts";

/** Opens the demo's return cases and walks each through the real use cases, at times in the past. */

const ACTOR: Actor = { kind: "system", id: "demo-seed", name: "Demo seed" };
interface Picked {
  readonly order: DemoOrder;
  readonly lines: readonly { readonly externalId: string; readonly quantity: number }[];
  readonly vendor: string | null;
  readonly start: number;
}

function kindOf(sku: string): { kind: LineKind | "other"; vendor: string | null } {
  const b = productBySku.get(sku)?.body;
  if (!b || b.digital || b.sealedMedia) return { kind: "other", vendor: null };
  const flag = (["perishable", "sealedHygiene", "personalised", "finalSale"] as const).find((f) => b[f]);
  if (b.vendor) return { kind: flag ? "other" : "vendor", vendor: b.vendor };
  return { kind: flag ?? "ordinary", vendor: null };
}

/** When every unit of the line had been delivered, or null. */
function deliveredAt(o: DemoOrder, lineExternalId: string, quantity: number): number | null {
  let units = 0;
  let last = 0;
  for (const f of o.json.fulfilments ?? []) {
    for (const fl of f.lines) {
      if (fl.lineExternalId !== lineExternalId || !f.deliveredAt) continue;
      units += fl.quantity;
      last = Math.max(last, Date.parse(f.deliveredAt));
    }
  }
  return units === quantity ? last : null;
}

function pick(
  plan: ReturnPlan,
  orders: readonly DemoOrder[],
  used: Set<string>,
  from: number,
  span: number,
  gap: number,
  now: number,
): Picked | null {
  for (let k = 0; k < orders.length; k++) {
    const order = orders[(from + k) % orders.length];
    if (!order || used.has(order.externalId)) continue;
    if (plan.countries && !plan.countries.includes(order.country.country)) continue;
    if (plan.mixedTender && (order.json.tenders ?? []).length < 2) continue;
    const fits = order.json.lines
      .map((l) => ({ l, ...kindOf(l.sku), at: deliveredAt(order, l.externalId, l.quantity) }))
      .filter(
        (x) => x.kind === (plan.kind ?? "ordinary") && x.at !== null && (!plan.units || x.l.quantity >= 2),
      )
      .filter((x) => !plan.vendor || x.vendor === plan.vendor);
    const chosen = fits.filter((x) => x.vendor === (fits[0]?.vendor ?? null)).slice(0, plan.lines ?? 1);
    if (chosen.length < (plan.lines ?? 1)) continue;
    const delivered = Math.max(...chosen.map((x) => x.at ?? 0));
    // Fresh cases end a little before now; the others start a few days after delivery.
    const start = plan.fresh ? now - gap - span : delivered + gap;
    if (start < delivered + DAY_MS / 2 || start + span > now - 3_600_000 || start > delivered + 28 * DAY_MS)
      continue;
    if (start < now - 75 * DAY_MS) continue;
    used.add(order.externalId);
    const lines = chosen.map((x) => ({ externalId: x.l.externalId, quantity: plan.units ?? 1 }));
    return { order, lines, vendor: chosen[0]?.vendor ?? null, start };
  }
  return null;
}

/** Runs every plan, opening the cases in the order their stories start; returns how many were opened. */
export async function seedReturns(
  deps: Deps,
  merchantId: string,
  orders: readonly DemoOrder[],
  rng: Rng,
): Promise<number> {
  const now = deps.clock.now().getTime();
  const used = new Set<string>();
  const at = (t: number): Deps => ({ ...deps, clock: { now: () => new Date(t) } });
  const stories = RETURN_PLANS.map((plan, i) => {
    const gap = ((plan.fresh ? 0.1 : 1) + rng.next() * 3) * DAY_MS;
    const offsets = plan.steps.map((s) => {
      const [min, spread] = STEP_DAYS[s];
      return (min + rng.next() * spread) * DAY_MS;
    });
    const span = offsets.reduce((a, b) => a + b, 0);
    const p = pick(plan, orders, used, rng.int(0, orders.length - 1), span, gap, now);
    if (!p)
      throw new Error(
        `demo return plan ${i} (${plan.steps.join(" → ") || "requested"}) found no suitable order`,
      );
    const source = rng.pick(["portal", "portal", "portal", "agent", "api"] as const);
    return { plan, offsets, p, source };
  });
  stories.sort((a, b) => a.p.start - b.p.start);
  for (const { plan, offsets, p, source } of stories) {
    const lines = p.lines.map((l) => ({
      orderLineExternalId: l.externalId,
      quantity: l.quantity,
      reason: plan.reason,
      comment: plan.comment ?? null,
    }));
    // Special items the engine refuses for a change of mind reach the merchant through support,
    // who opens the case on the record (an override) so it can be reviewed or rejected.
    const special = plan.kind !== undefined && plan.kind !== "ordinary" && plan.kind !== "vendor";
    const input = {
      orderExternalId: p.order.externalId,
      lines,
      requestedResolution: plan.resolution,
      source: special ? ("agent" as const) : source,
      override: special ? { reason: plan.why ?? "Opened by support at the shopper's request" } : null,
    };
    const opened = await createReturn(at(p.start), merchantId, input, ACTOR);
    if (!opened.ok)
      throw new Error(`demo return on ${p.order.externalId} refused: ${JSON.stringify(opened.error)}`);
    let c = opened.value;
    let t = p.start;
    for (const [k, step] of plan.steps.entries()) {
      t += offsets[k] ?? 0;
      const last = k === plan.steps.length - 1;
      if (step === "review" && c.status === "needs_review") continue; // the policy already asked for review
      const meta = { actor: ACTOR, ...(last && plan.why ? { reason: plan.why } : {}) };
      const r = await runCaseCommand(
        at(t),
        merchantId,
        c.id,
        returnCommand(step, c, { country: p.order.country.country, vendor: p.vendor }, rng),
        meta,
      );
      if (!r.ok) throw new Error(`demo return ${c.number} step ${step} refused: ${JSON.stringify(r.error)}`);
      c = r.value.case;
    }
  }
  return stories.length;
}
