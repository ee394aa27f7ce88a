import { describe } from "../../domain/errors.ts";
import { orderBody, toOrderDraft } from "../inputs/order-input.ts";
import { writeOrder } from "../orders.ts";
import type { Deps, Repos } from "../ports/index.ts";
import type { Platform, PlatformOrder } from "./ports.ts";

export type PlatformOrderOutcome =
  | { readonly status: "created" | "updated" | "unchanged"; readonly externalId: string }
  | { readonly status: "refused"; readonly externalId: string; readonly problems: string[] };

/**
 * Writes one platform order through the order contract (`orderBody`, then `writeOrder`, as the API
 * and the CSV import do) inside the caller's transaction, and remembers which platform order it is.
 * Idempotent: the same order again is `unchanged`; a changed one is updated under the order locks.
 */
export async function writePlatformOrder(
  deps: Deps,
  r: Repos,
  merchantId: string,
  platform: Platform,
  po: PlatformOrder,
): Promise<PlatformOrderOutcome> {
  const parsed = orderBody.safeParse(po.body);
  if (!parsed.success)
    return {
      status: "refused",
      externalId: po.externalId,
      problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(order)"}: ${i.message}`),
    };
  const res = await writeOrder(deps, r, merchantId, toOrderDraft(po.externalId, parsed.data));
  if (!res.ok) {
    const e = res.error;
    const problems =
      e.code === "invalid_input"
        ? e.issues.map((i) => `${i.path || "(order)"}: ${i.message}`)
        : [describe(e)];
    return { status: "refused", externalId: po.externalId, problems };
  }
  await r.platforms.linkOrder(merchantId, platform, po.platformOrderId, po.externalId, deps.clock.now());
  const status = res.value.created ? "created" : res.value.changed ? "updated" : "unchanged";
  return { status, externalId: po.externalId };
}
