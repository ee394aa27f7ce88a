import type { Actor } from "../../domain/actor.ts";
import { type DomainError, invalid } from "../../domain/errors.ts";
import { type ParkedItem, receiptForMatch } from "../../domain/receiving/blind-receipt.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { type CommandOutcome, runCaseCommandIn } from "../case-commands.ts";
import type { Deps } from "../ports/index.ts";
import { dispatchSettlements } from "../refunds.ts";
import type { BlindReceipt } from "./records.ts";

export interface ParkInput {
  readonly locationCode?: string;
  readonly scannedCode?: string;
  readonly items: readonly ParkedItem[];
  readonly note?: string;
}

export const blindNumber = (n: number): string => `BR-${String(n).padStart(6, "0")}`;

/** A parcel no RMA could be found for is parked with what is in it, numbered, until it is matched. */
export async function parkBlindReceipt(
  deps: Deps,
  merchantId: string,
  input: ParkInput,
  actor: Actor,
): Promise<Result<BlindReceipt, DomainError>> {
  return deps.store.transaction(async (r): Promise<Result<BlindReceipt, DomainError>> => {
    const location = input.locationCode ? await r.locations.byCode(merchantId, input.locationCode) : null;
    if (input.locationCode && !location)
      return err(invalid("locationCode", `no location "${input.locationCode}"`));
    const b: BlindReceipt = {
      id: deps.ids.next(),
      merchantId,
      number: blindNumber(await r.receiving.nextBlindNumber(merchantId)),
      locationId: location?.id ?? null,
      scannedCode: input.scannedCode ?? null,
      items: input.items,
      note: input.note ?? null,
      status: "parked",
      caseId: null,
      parkedAt: deps.clock.now(),
      parkedBy: actor,
      matchedAt: null,
      matchedBy: null,
    };
    await r.receiving.insertBlind(b);
    return ok(b);
  });
}

export interface MatchOutcome extends CommandOutcome {
  readonly blindReceipt: BlindReceipt;
}

/**
 * Matches a parked parcel to its case: the case receives what the parcel held (its lines by SKU or GTIN,
 * more than expected as `extra`, unknown items as `wrong_item`) at the parcel's location, with the
 * account as actor; the blind receipt is closed in the same transaction (a second match is refused).
 */
export async function matchBlindReceipt(
  deps: Deps,
  merchantId: string,
  id: string,
  caseRef: { readonly caseId?: string; readonly caseNumber?: string },
  actor: Actor,
): Promise<Result<MatchOutcome, DomainError>> {
  const done = await deps.store.transaction(async (r): Promise<Result<MatchOutcome, DomainError>> => {
    const b = await r.receiving.blind(merchantId, id, true);
    if (!b) return err({ code: "not_found", entity: "blind receipt", id });
    if (b.status === "matched" && b.caseId)
      return err({ code: "already_matched", blindReceipt: b.number, caseId: b.caseId });
    const caseId = caseRef.caseId ?? (await r.receiving.caseIdByNumber(merchantId, caseRef.caseNumber ?? ""));
    const c = caseId ? await r.cases.load(merchantId, caseId) : null;
    if (!c)
      return err({ code: "not_found", entity: "return", id: caseRef.caseId ?? caseRef.caseNumber ?? "" });
    const gtins = await r.receiving.gtins(
      merchantId,
      c.lines.map((l) => l.sku),
    );
    const receipt = receiptForMatch(c, gtins, b.items, b.number);
    const location = b.locationId ? await r.locations.byId(merchantId, b.locationId) : null;
    const received = await runCaseCommandIn(
      deps,
      r,
      merchantId,
      c.id,
      {
        type: "receive",
        locationCode: location?.code,
        lines: [...receipt.lines],
        exceptions: [...receipt.exceptions],
      },
      { actor, reason: `blind receipt ${b.number} matched` },
    );
    if (!received.ok) return received;
    const at = deps.clock.now();
    await r.receiving.markMatched(b.merchantId, b.id, c.id, at, actor);
    return ok({
      ...received.value,
      blindReceipt: { ...b, status: "matched", caseId: c.id, matchedAt: at, matchedBy: actor },
    });
  });
  if (!done.ok) return done;
  return ok({ ...done.value, settlements: await dispatchSettlements(deps, done.value.settlements) });
}
