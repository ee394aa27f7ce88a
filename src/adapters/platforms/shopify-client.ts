import { createAdminApiClient } from "@shopify/admin-api-client";
import type { OrderPage, PlatformConnection, PlatformOrder } from "../../app/platforms/ports.ts";
import { fromShopifyOrder, type ShopifyOrderNode } from "./shopify-orders.ts";
import { ORDER_QUERY, ORDERS_QUERY, SHOPIFY_API_VERSION } from "./shopify-queries.ts";

export interface ShopifyOptions {
  /** Orders per page (Shopify allows up to 250). */
  readonly pageSize?: number;
  /** Sends the Admin API to another origin (SHOPIFY_ADMIN_API_BASE: a local fake); the path is kept. */
  readonly apiBase?: string | null;
}

export type ShopifyRequest = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

interface UserErrors {
  readonly userErrors: readonly { field: readonly string[] | null; message: string }[];
}

/** Throws the platform's user errors (a mutation refused) as one message. */
export function refusedBy(payload: UserErrors | null | undefined, what: string): void {
  const errors = payload?.userErrors ?? [];
  if (errors.length > 0) throw new Error(`${what} refused: ${errors.map((e) => e.message).join("; ")}`);
}

/** The official Admin API client (@shopify/admin-api-client) for one shop; GraphQL errors throw. */
export function shopifyRequest(c: PlatformConnection, opts: ShopifyOptions): ShopifyRequest {
  const base = opts.apiBase ? new URL(opts.apiBase) : null;
  const client = createAdminApiClient({
    storeDomain: c.shop,
    apiVersion: SHOPIFY_API_VERSION,
    accessToken: c.credential,
    retries: 1,
    ...(base
      ? {
          customFetchApi: (url: string, init?: RequestInit) => {
            const u = new URL(url);
            return fetch(new URL(`${u.pathname}${u.search}`, base), init);
          },
        }
      : {}),
  });
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await client.request<T>(query, { variables });
    if (res.errors) {
      const detail = res.errors.graphQLErrors?.map((e) => e.message).join("; ");
      throw new Error(`Shopify: ${res.errors.message ?? "request failed"}${detail ? ` (${detail})` : ""}`);
    }
    if (!res.data) throw new Error("Shopify: empty response");
    return res.data;
  };
}

export async function shopifyOrdersPage(
  request: ShopifyRequest,
  since: Date,
  cursor: string | null,
  pageSize: number,
): Promise<OrderPage> {
  const data = await request<{
    orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ShopifyOrderNode[] };
  }>(ORDERS_QUERY, { first: pageSize, after: cursor, query: `updated_at:>='${since.toISOString()}'` });
  const { pageInfo, nodes } = data.orders;
  return {
    orders: nodes.map(fromShopifyOrder),
    next: pageInfo.hasNextPage ? pageInfo.endCursor : null,
    totalPages: null,
  };
}

export async function shopifyOrder(request: ShopifyRequest, id: string): Promise<PlatformOrder | null> {
  const data = await request<{ order: ShopifyOrderNode | null }>(ORDER_QUERY, { id });
  return data.order ? fromShopifyOrder(data.order) : null;
}
