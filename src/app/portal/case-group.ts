import { type Money, sum } from "../../domain/money.ts";
import type { Order } from "../../domain/order.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Location, Repos } from "../ports/index.ts";
import { returnAddressFor } from "./return-address.ts";

/** One case of a return split by vendor, as the shopper sees it beside its siblings. */
export interface GroupMember {
  readonly case: ReturnCase;
  /** The vendor's display name (null: the merchant's own goods). */
  readonly vendorName: string | null;
  readonly returnAddress: Location | null;
  /** What is being or was refunded (settlements not failed, cancelled or reversed); null: nothing yet. */
  readonly refund: { readonly amount: Money; readonly paid: boolean } | null;
}

const VOID = new Set(["failed", "cancelled", "reversed"]);

/** The display name of a case's vendor. */
export async function vendorNameOf(r: Repos, c: Pick<ReturnCase, "merchantId" | "vendor">) {
  if (!c.vendor) return null;
  const v = (await r.setup.vendors(c.merchantId)).find((x) => x.code === c.vendor);
  return v?.name ?? c.vendor;
}

/** Every case of `c`'s group (itself included, oldest first); empty for a case of its own. */
export async function caseGroup(r: Repos, c: ReturnCase, order: Order): Promise<GroupMember[]> {
  if (!c.groupId) return [];
  const all = await r.cases.list(c.merchantId, { orderId: c.orderId, limit: 100, sort: "oldest" });
  const members = all.filter((x) => x.groupId === c.groupId);
  return Promise.all(
    members.map(async (m) => {
      const live = (await r.settlements.byCase(m.merchantId, m.id)).filter(
        (s) => !VOID.has(s.status) && s.amount.currency === m.currency,
      );
      return {
        case: m,
        vendorName: await vendorNameOf(r, m),
        returnAddress: m.returnRequired ? await returnAddressFor(r, m, order) : null,
        refund:
          live.length > 0
            ? {
                amount: sum(
                  m.currency,
                  live.map((s) => s.amount),
                ),
                paid: live.every((s) => s.status === "succeeded"),
              }
            : null,
      };
    }),
  );
}
