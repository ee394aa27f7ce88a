import type { Actor } from "../../domain/actor.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import { type CommandInput, runCaseCommand } from "../case-commands.ts";
import { createReturn } from "../create-return.ts";
import type { Deps } from "../ports.ts";
import { productBySku } from "./demo-catalog.ts";
import type { DemoOrder } from "./demo-orders.ts";
import { type LineKind, RETURN_PLANS, type ReturnPlan, type Step } from "./demo-return-plans.ts";
import { DAY_MS } from "./demo-shipments.ts";
import type { Rng } from "./prng.ts";

/** Opens the demo's return cases and walks each through the real use cases, at times in the past. */

const ACTOR: Actor = { kind: "system", id: "demo-seed", name: "Demo seed" };
const HUBS: Readonly<Record<string, string>> = { GB: "GB-DAVENTRY", US: "US-CA-ONTARIO", JP: "JP-CHIBA", AU: "AU-SYDNEY" };
const VENDOR_HUBS: Readonly<Record<string, string>> = { "kyoto-ceramics": "VND-KYOTO", "alpine-outfitters": "VND-INNSBRUCK" };
const RETURN_CARRIERS: Readonly<Record<string, string>> = {
  GB: "Royal Mail",
  US: "USPS",
  JP: "Japan Post",
  AU: "Australia Post",
  DE: "DHL",
  FR: "Colissimo",
  NL: "PostNL",
  BR: "Correios",
  MX: "Estafeta",
  KR: "Korea Post",
};
/** Days each step takes after the previous one: [minimum, spread]. */
const STEP_DAYS: Readonly<Record<Step, readonly [number, number]>> = {
  review: [0.2, 1],
  approve: [0.2, 1.5],
  "approve-one": [0.2, 1.5],
  "approve-short": [0.2, 1],
  reject: [0.2, 1.5],
  cancel: [0.5, 2],
  ship: [1, 3],
  receive: [2, 5],
  "receive-part": [2, 5],
  inspect: [0.5, 2],
  "inspect-refuse": [0.5, 2],
  resolve: [0.1, 1],
  close: [2, 4],
  expire: [6, 2],
};

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

function pick(plan: ReturnPlan, orders: readonly DemoOrder[], used: Set<string>, from: number, span: number, gap: number, now: number): Picked | null {
  for (let k = 0; k < orders.length; k++) {
    const order = orders[(from + k) % orders.length];
    if (!order || used.has(order.externalId)) continue;
    if (plan.countries && !plan.countries.includes(order.country.country)) continue;
    if (plan.mixedTender && (order.json.tenders ?? []).length < 2) continue;
    const fits = order.json.lines
      .map((l) => ({ l, ...kindOf(l.sku), at: deliveredAt(order, l.externalId, l.quantity) }))
      .filter((x) => x.kind === (plan.kind ?? "ordinary") && x.at !== null && (!plan.units || x.l.quantity >= 2));
    const chosen = fits.filter((x) => x.vendor === (fits[0]?.vendor ?? null)).slice(0, plan.lines ?? 1);
    if (chosen.length < (plan.lines ?? 1)) continue;
    const start = Math.max(...chosen.map((x) => x.at ?? 0)) + gap;
    const end = start + span;
    if (end > now - 3_600_000 || (plan.fresh ? end < now - 7 * DAY_MS : start < now - 75 * DAY_MS)) continue;
    used.add(order.externalId);
    const lines = chosen.map((x) => ({ externalId: x.l.externalId, quantity: plan.units ?? 1 }));
    return { order, lines, vendor: chosen[0]?.vendor ?? null, start };
  }
  return null;
}

function command(step: Step, c: ReturnCase, p: Picked, rng: Rng): CommandInput {
  const country = p.order.country.country;
  const open = (l: ReturnCase["lines"][number]) => l.counts.shipped - l.counts.received;
  switch (step) {
    case "approve-one":
      return { type: "approve", lines: c.lines.map((l) => ({ lineId: l.id, quantity: 1 })) };
    case "approve-short":
      return { type: "approve", shipByDays: 5 };
    case "ship":
      return { type: "ship", carrier: RETURN_CARRIERS[country] ?? "DHL", trackingNumber: `RT${rng.chars(10, "0123456789")}` };
    case "receive":
    case "receive-part": {
      const locationCode = (p.vendor ? VENDOR_HUBS[p.vendor] : HUBS[country]) ?? "NL-VENLO";
      const [first, second] = c.lines;
      if (step === "receive" || !first) {
        return { type: "receive", locationCode, lines: c.lines.map((l) => ({ lineId: l.id, quantity: open(l) })), exceptions: [] };
      }
      const missing = second ? [{ kind: "short" as const, lineId: second.id, quantity: 1, note: "Second item not in the parcel" }] : [];
      return { type: "receive", locationCode, lines: [{ lineId: first.id, quantity: second ? open(first) : 1 }], exceptions: missing };
    }
    case "inspect":
    case "inspect-refuse":
      return {
        type: "inspect",
        lines: c.lines.map((l) => {
          const quantity = l.counts.received - l.counts.accepted - l.counts.refused;
          if (step === "inspect-refuse") {
            const note = "Worn and washed, tags removed: sent back to the shopper";
            return { lineId: l.id, quantity, outcome: "refused", condition: "damaged", disposition: "return_to_shopper", note };
          }
          const condition = rng.pick(["sealed", "like_new", "like_new", "good"] as const);
          return { lineId: l.id, quantity, outcome: "accepted", condition, ...(p.vendor ? { disposition: "return_to_vendor" } : {}) };
        }),
      };
    default:
      return { type: step };
  }
}

/** Runs every plan; returns how many cases were opened. */
export async function seedReturns(deps: Deps, merchantId: string, orders: readonly DemoOrder[], rng: Rng): Promise<number> {
  const now = deps.clock.now().getTime();
  const used = new Set<string>();
  const at = (t: number): Deps => ({ ...deps, clock: { now: () => new Date(t) } });
  for (const [i, plan] of RETURN_PLANS.entries()) {
    const gap = (1 + rng.next() * 3) * DAY_MS;
    const offsets = plan.steps.map((s) => {
      const [min, spread] = STEP_DAYS[s];
      return (min + rng.next() * spread) * DAY_MS;
    });
    const span = offsets.reduce((a, b) => a + b, 0);
    const p = pick(plan, orders, used, rng.int(0, orders.length - 1), span, gap, now);
    if (!p) throw new Error(`demo return plan ${i} (${plan.steps.join(" → ") || "requested"}) found no suitable order`);
    const lines = p.lines.map((l) => ({ orderLineExternalId: l.externalId, quantity: l.quantity, reason: plan.reason, comment: plan.comment ?? null }));
    const source = rng.pick(["portal", "portal", "portal", "agent", "api"] as const);
    const input = { orderExternalId: p.order.externalId, lines, requestedResolution: plan.resolution, source };
    const opened = await createReturn(at(p.start), merchantId, input, ACTOR);
    if (!opened.ok) throw new Error(`demo return on ${p.order.externalId} refused: ${JSON.stringify(opened.error)}`);
    let c = opened.value;
    let t = p.start;
    for (const [k, step] of plan.steps.entries()) {
      t += offsets[k] ?? 0;
      const last = k === plan.steps.length - 1;
      const meta = { actor: ACTOR, ...(last && plan.why ? { reason: plan.why } : {}) };
      const r = await runCaseCommand(at(t), merchantId, c.id, command(step, c, p, rng), meta);
      if (!r.ok) throw new Error(`demo return ${c.number} step ${step} refused: ${JSON.stringify(r.error)}`);
      c = r.value.case;
    }
  }
  return RETURN_PLANS.length;
}
