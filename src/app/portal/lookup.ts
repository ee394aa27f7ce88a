import { createHash, timingSafeEqual } from "node:crypto";
import type { DomainError } from "../../domain/errors.ts";
import type { Order } from "../../domain/order.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { hashGiftCode } from "../inputs/order-input.ts";
import type { Deps, Merchant } from "../ports/index.ts";
import { type PortalSession, SESSION_MINUTES } from "./session-token.ts";

/** Failed lookups are counted over this window: per address across merchants, and per order number. */
export const LOOKUP_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_IP = 10;
export const MAX_FAILURES_PER_ORDER = 5;

export interface LookupInput {
  readonly orderNumber: string;
  readonly email?: string | null;
  readonly postalCode?: string | null;
  readonly giftCode?: string | null;
}

export interface LookupResult {
  readonly merchant: Merchant;
  readonly order: Order;
  readonly session: PortalSession;
}

const normalPostal = (s: string) => s.replace(/[\s-]/g, "").toUpperCase();
const sameText = (a: string, b: string) => {
  const x = createHash("sha256").update(a).digest();
  const y = createHash("sha256").update(b).digest();
  return timingSafeEqual(x, y);
};

async function matches(deps: Deps, merchantId: string, order: Order, q: LookupInput): Promise<boolean> {
  if (q.giftCode) return !!order.giftCodeHash && sameText(order.giftCodeHash, hashGiftCode(q.giftCode));
  if (q.email) {
    const customer = await deps.store.read.customers.get(merchantId, order.customerId);
    return !!customer && sameText(customer.email.toLowerCase(), q.email.trim().toLowerCase());
  }
  const postal = order.shippingAddress.postalCode;
  return !!q.postalCode && !!postal && sameText(normalPostal(postal), normalPostal(q.postalCode));
}

/**
 * Finds an order for a shopper without an account: its number plus the e-mail, the postal code or
 * the gift code. Every attempt is recorded; too many failures from one address, or for one order
 * number, block further attempts for a while (a brute force fails whatever it tries).
 */
export async function lookupOrder(
  deps: Deps,
  slug: string,
  q: LookupInput,
  ip: string,
): Promise<Result<LookupResult, DomainError>> {
  const r = deps.store.read;
  const merchant = await r.merchants.bySlug(slug);
  if (!merchant) return err({ code: "not_found", entity: "merchant", id: slug });
  const now = deps.clock.now();
  const since = new Date(now.getTime() - LOOKUP_WINDOW_MS);
  const orderNumber = q.orderNumber.trim();
  const retryAfter = (oldest: Date | null) =>
    Math.max(1, Math.ceil(((oldest ?? now).getTime() + LOOKUP_WINDOW_MS - now.getTime()) / 1000));
  const byIp = await r.portal.failedLookups({ ip }, since);
  if (byIp.count >= MAX_FAILURES_PER_IP)
    return err({ code: "rate_limited", scope: "ip", retryAfterSeconds: retryAfter(byIp.oldest) });
  const byOrder = await r.portal.failedLookups({ merchantId: merchant.id, orderNumber }, since);
  if (byOrder.count >= MAX_FAILURES_PER_ORDER)
    return err({
      code: "rate_limited",
      scope: "order_number",
      retryAfterSeconds: retryAfter(byOrder.oldest),
    });

  const order =
    (await r.orders.get(merchant.id, orderNumber)) ??
    (await r.orders.get(merchant.id, orderNumber.toUpperCase()));
  const found = order !== null && (await matches(deps, merchant.id, order, q));
  await deps.store.transaction((t) =>
    t.portal.recordLookup({ merchantId: merchant.id, orderNumber, ip, ok: found, at: now }),
  );
  if (!order || !found) return err({ code: "not_found", entity: "order", id: orderNumber });
  return ok({
    merchant,
    order,
    session: {
      merchantId: merchant.id,
      orderId: order.id,
      gift: !!q.giftCode,
      expiresAt: new Date(now.getTime() + SESSION_MINUTES * 60_000),
    },
  });
}
