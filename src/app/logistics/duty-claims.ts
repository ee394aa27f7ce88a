import type { Actor } from "../../domain/actor.ts";
import type { DomainError } from "../../domain/errors.ts";
import {
  CLAIM_TRANSITIONS,
  type ClaimState,
  type DutyRegime,
  REGIME_RULES,
} from "../../domain/logistics/duty-recovery.ts";
import { csvCell } from "../../domain/logistics/hub.ts";
import { formatMoney, type Money, money } from "../../domain/money.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { Deps } from "../ports/index.ts";
import type { ClaimPackView } from "./ports.ts";
import type { DutyClaim } from "./records.ts";

export type ClaimAction =
  | { readonly to: "claimed"; readonly reference: string }
  | { readonly to: "recovered"; readonly amount: Money }
  | { readonly to: "lost"; readonly reason: string };

/** Moves a ledger row on: recoverable → claimed → recovered | lost (as data; anything else is refused). */
export function moveClaim(
  deps: Deps,
  merchantId: string,
  id: string,
  action: ClaimAction,
  actor: Actor,
): Promise<Result<DutyClaim, DomainError>> {
  return deps.store.transaction(async (r) => {
    const c = await r.dutyClaims.get(merchantId, id);
    if (!c) return err({ code: "not_found", entity: "duty claim", id });
    if (!CLAIM_TRANSITIONS[c.state].includes(action.to))
      return err({
        code: "invalid_input",
        issues: [
          {
            path: "state",
            message: `a ${c.state} claim cannot become ${action.to} (allowed: ${CLAIM_TRANSITIONS[c.state].join(", ") || "none"})`,
          },
        ],
      });
    if (action.to === "recovered" && action.amount.currency !== c.paid.currency)
      return err({
        code: "invalid_input",
        issues: [{ path: "currency", message: `the claim is in ${c.paid.currency}` }],
      });
    const at = deps.clock.now();
    const next: DutyClaim = {
      ...c,
      state: action.to,
      claimReference: action.to === "claimed" ? action.reference : c.claimReference,
      recovered: action.to === "recovered" ? action.amount : c.recovered,
      lostReason: action.to === "lost" ? action.reason : c.lostReason,
      evidence: { ...c.evidence, [`${action.to}By`]: actor.id, [`${action.to}At`]: at.toISOString() },
      updatedAt: at,
    };
    await r.dutyClaims.update(next);
    return ok(next);
  });
}

export interface RegimeTotals {
  readonly regime: DutyRegime;
  readonly currency: string;
  readonly lines: number;
  readonly paid: number;
  readonly recoverable: number;
  readonly claimed: number;
  readonly recovered: number;
  readonly lost: number;
}

/** Totals per regime and currency: what was paid, what can come back, what is claimed, recovered, lost. */
export function totals(rows: readonly DutyClaim[]): RegimeTotals[] {
  const map = new Map<string, { -readonly [K in keyof RegimeTotals]: RegimeTotals[K] }>();
  for (const c of rows) {
    const key = `${c.regime}:${c.paid.currency}`;
    const t = map.get(key) ?? {
      regime: c.regime,
      currency: c.paid.currency,
      lines: 0,
      paid: 0,
      recoverable: 0,
      claimed: 0,
      recovered: 0,
      lost: 0,
    };
    t.lines++;
    t.paid += c.paid.amount;
    if (c.state === "recoverable") t.recoverable += c.recoverable.amount;
    if (c.state === "claimed") t.claimed += c.recoverable.amount;
    if (c.state === "recovered") t.recovered += c.recovered?.amount ?? 0;
    if (c.state === "lost") t.lost += c.recoverable.amount;
    map.set(key, t);
  }
  return [...map.values()].sort(
    (a, b) => a.regime.localeCompare(b.regime) || a.currency.localeCompare(b.currency),
  );
}

export async function listClaims(
  deps: Deps,
  merchantId: string,
  q: { state?: ClaimState; regime?: DutyRegime; caseId?: string; limit?: number },
) {
  const rows = await deps.store.read.dutyClaims.list(merchantId, { ...q, limit: q.limit ?? 5000 });
  return { items: rows, totals: totals(rows) };
}

const CSV_COLUMNS = [
  "claim_id",
  "regime",
  "state",
  "rma",
  "order",
  "sku",
  "quantity",
  "currency",
  "paid",
  "recoverable",
  "recovered",
  "deadline",
  "export_reference",
  "return_tracking",
  "receipt",
  "claim_reference",
  "citation",
] as const;

/** The claim pack of a regime: every recoverable or claimed line with its evidence, as rows and a PDF view. */
export async function claimPack(
  deps: Deps,
  merchantId: string,
  regime: DutyRegime,
): Promise<{ csv: string; view: ClaimPackView }> {
  const merchant = await deps.store.read.merchants.byId(merchantId);
  const rows = (await deps.store.read.dutyClaims.list(merchantId, { regime, limit: 10_000 })).filter(
    (c) => c.state === "recoverable" || c.state === "claimed",
  );
  const dec = (m: Money | null) => (m ? formatMoney(m) : "");
  const records = rows.map((c) => {
    const e = c.evidence as Record<string, unknown>;
    return {
      claim_id: c.id,
      regime: c.regime,
      state: c.state,
      rma: String(e.rmaNumber ?? ""),
      order: String(e.orderNumber ?? ""),
      sku: String(e.sku ?? ""),
      quantity: String(c.quantity),
      currency: c.paid.currency,
      paid: dec(c.paid),
      recoverable: dec(c.recoverable),
      recovered: dec(c.recovered),
      deadline: c.deadline,
      export_reference: String(e.exportReference ?? ""),
      return_tracking: Array.isArray(e.returnTracking) ? e.returnTracking.join(" ") : "",
      receipt: String(e.receivedAt ?? ""),
      claim_reference: c.claimReference ?? "",
      citation: c.citation,
    };
  });
  const csv = `${[CSV_COLUMNS.join(","), ...records.map((rec) => CSV_COLUMNS.map((k) => csvCell(rec[k])).join(","))].join("\r\n")}\r\n`;
  const t = totals(rows).map((x) => ({
    currency: x.currency,
    paid: formatMoney({ amount: x.paid, currency: x.currency }),
    recoverable: formatMoney(money(x.recoverable + x.claimed, x.currency)),
    recovered: formatMoney({ amount: x.recovered, currency: x.currency }),
  }));
  return {
    csv,
    view: {
      merchant: merchant?.name ?? "",
      regime,
      citation: REGIME_RULES[regime].citation,
      generatedAt: deps.clock.now(),
      rows: records,
      totals: t,
    },
  };
}
