import type { DomainError } from "../../domain/errors.ts";
import { ok, type Result } from "../../domain/result.ts";
import { toMoney } from "../inputs/fields.ts";
import type { LocationBody } from "../inputs/logistics-input.ts";
import type { Deps } from "../ports/index.ts";
import type { LocationRecord } from "./ports.ts";

/** PUT /locations/{code}: creates or replaces a warehouse, hub or vendor address (its id stays). */
export async function putLocation(
  deps: Deps,
  merchantId: string,
  code: string,
  body: LocationBody,
): Promise<Result<{ location: LocationRecord; created: boolean }, DomainError>> {
  return deps.store.transaction(async (r) => {
    const existing = await r.locations.byCode(merchantId, code);
    const lanes = Object.fromEntries(
      Object.entries(body.lanes).map(([country, o]) => {
        const cost = o.labelCost ? toMoney(o.labelCost.amount, o.labelCost.currency) : null;
        return [
          country,
          {
            ...(o.transitDays !== undefined ? { transitDays: o.transitDays } : {}),
            ...(o.clearanceDays !== undefined ? { clearanceDays: o.clearanceDays } : {}),
            ...(cost ? { labelCost: cost.amount, labelCurrency: cost.currency } : {}),
          },
        ];
      }),
    );
    const location = await r.locations.upsert(merchantId, {
      id: existing?.id ?? deps.ids.next(),
      code,
      kind: body.kind,
      name: body.name,
      country: body.country,
      address: Object.fromEntries(Object.entries(body.address).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >,
      accepts: [...new Set(body.accepts)],
      handling: body.handlingPerUnit
        ? toMoney(body.handlingPerUnit.amount, body.handlingPerUnit.currency)
        : null,
      lanes,
      asn: body.asn ?? null,
      vendorCode: body.vendor ?? null,
      active: body.active,
    });
    return ok({ location, created: existing === null });
  });
}

export async function listLocations(deps: Deps, merchantId: string): Promise<LocationRecord[]> {
  return deps.store.read.locations.list(merchantId);
}

export async function getLocation(
  deps: Deps,
  merchantId: string,
  code: string,
): Promise<Result<LocationRecord, DomainError>> {
  const l = await deps.store.read.locations.byCode(merchantId, code);
  return l ? ok(l) : { ok: false, error: { code: "not_found", entity: "location", id: code } };
}
