import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/** A valid order body (EUR, prices with tax, two lines, delivered, card + gift card). */
export function orderJson(overrides: Record<string, unknown> = {}) {
  return {
    placedAt: "2026-03-01T09:00:00Z",
    currency: "EUR",
    customer: { email: "ana@example.de", name: "Ana Schmidt", locale: "de-DE", timeZone: "Europe/Berlin" },
    shippingAddress: {
      country: "DE",
      region: "BE",
      postalCode: "10115",
      city: "Berlin",
      line1: "Invalidenstr. 1",
    },
    taxesIncluded: true,
    lines: [
      {
        externalId: "L1",
        sku: "TEE-1",
        title: "Linen tee",
        quantity: 2,
        unitPrice: "49.90",
        tax: "14.34",
        discount: "10.00",
      },
      {
        externalId: "L2",
        sku: "CAP-1",
        title: "Cap",
        quantity: 1,
        unitPrice: "29.90",
        tax: "4.77",
        discount: "0",
      },
    ],
    shipping: { amount: "4.90", tax: "0.78", method: "DHL Paket", cheapestStandardAmount: "4.90" },
    tenders: [
      {
        kind: "card",
        provider: "stripe",
        reference: "pi_123",
        amount: "100.00",
        capturedAt: "2026-03-01T09:00:05Z",
      },
      {
        kind: "gift_card",
        provider: null,
        reference: "GC-9",
        amount: "24.60",
        capturedAt: "2026-03-01T09:00:05Z",
      },
    ],
    fulfilments: [
      {
        externalId: "F1",
        lines: [
          { lineExternalId: "L1", quantity: 2 },
          { lineExternalId: "L2", quantity: 1 },
        ],
        shippedAt: "2026-03-02T08:00:00Z",
        deliveredAt: "2026-03-03T12:00:00Z",
        carrier: "DHL",
        trackingNumber: "00340434161234567890",
      },
    ],
    ...overrides,
  };
}

export type Json = Record<string, unknown> & { [k: string]: unknown };

export async function call(
  app: FastifyInstance,
  auth: string,
  method: "GET" | "POST" | "PUT" | "PATCH",
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; res: LightMyRequestResponse }> {
  const res = await app.inject({
    method,
    url,
    headers: { authorization: auth, ...headers },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  return { status: res.statusCode, body: res.json() as Json, res };
}
