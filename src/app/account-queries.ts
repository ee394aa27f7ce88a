/**
 * What the settings, team, audit, portal and notice routes read. Each read takes the merchant id (or,
 * for the public portal, the merchant's public slug), so the tenant check lives here, not in the route.
 */
import type { Order } from "../domain/order.ts";
import { err, ok } from "../domain/result.ts";
import { sessionContext } from "./portal/portal-order.ts";
import { variantsOf } from "./portal/replacement.ts";
import type { PortalSession } from "./portal/session-token.ts";
import type { Deps, Repos } from "./ports/index.ts";
import type { PaymentProvider } from "./provider-accounts.ts";

export const merchantById = (deps: Deps, merchantId: string) => deps.store.read.merchants.byId(merchantId);

/** The merchant behind a public portal address (the slug is public: no merchant id to check against). */
export const merchantBySlug = (deps: Deps, slug: string) => deps.store.read.merchants.bySlug(slug);

export const staffAccounts = (deps: Deps, merchantId: string) =>
  deps.store.read.staff.listAccounts(merchantId);

export const staffInvitations = (deps: Deps, merchantId: string) =>
  deps.store.read.staff.listInvitations(merchantId);

export const auditEntries = (deps: Deps, merchantId: string, limit: number, before: Date | null) =>
  deps.store.read.audit.list(merchantId, limit, before);

export const providerAccounts = (deps: Deps, merchantId: string) =>
  deps.store.read.providerAccounts.list(merchantId);

/**
 * Whether another merchant already uses this provider account (a provider account id is unique across
 * merchants, so this one read looks at all merchants; it answers only yes or no).
 */
export async function providerAccountTakenByOther(
  deps: Deps,
  merchantId: string,
  provider: PaymentProvider,
  accountId: string,
): Promise<boolean> {
  const owner = await deps.store.read.providerAccounts.ownerOf(provider, accountId);
  return owner !== null && owner !== merchantId;
}

export const platformConnections = (deps: Deps, merchantId: string) =>
  deps.store.read.platforms.connections(merchantId);

export const productExists = async (deps: Deps, merchantId: string, sku: string) =>
  (await deps.store.read.products.get(merchantId, sku)) !== null;

export const merchantNotices = (deps: Deps, merchantId: string, limit: number) =>
  deps.store.read.notices.list(merchantId, limit);

export const emailMessages = (
  deps: Deps,
  merchantId: string,
  q: Parameters<Repos["emailMessages"]["list"]>[1],
) => deps.store.read.emailMessages.list(merchantId, q);

/** The photos uploaded for the merchant's case (not found: not this merchant's case). */
export async function casePhotos(deps: Deps, merchantId: string, caseId: string) {
  const c = await deps.store.read.cases.load(merchantId, caseId);
  if (!c) return err({ code: "not_found" as const, entity: "return", id: caseId });
  return ok(await deps.store.read.portal.caseUploads(merchantId, c.id));
}

/** One photo of the merchant's case, or null. */
export const casePhoto = async (deps: Deps, merchantId: string, caseId: string, photoId: string) =>
  (await deps.store.read.portal.caseUploads(merchantId, caseId)).find((u) => u.id === photoId) ?? null;

/** The portal session's merchant and order. */
export const portalContext = (deps: Deps, session: PortalSession) => sessionContext(deps.store.read, session);

export const portalVariants = (
  deps: Deps,
  merchantId: string,
  order: Order,
  line: string,
): ReturnType<typeof variantsOf> => variantsOf(deps.store.read, merchantId, order, line);
