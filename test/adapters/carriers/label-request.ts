import type { LabelRequest } from "../../../src/app/logistics/ports.ts";
import type { CarrierRule } from "../../../src/domain/logistics/carrier-choice.ts";

/** A cross-border return parcel (Paris → Venlo is inside the EU; London → Venlo crosses a border). */
export function labelRequest(over: Partial<LabelRequest> & { rule?: CarrierRule } = {}): LabelRequest {
  return {
    shipmentId: "0190f000-0000-7000-8000-000000000001",
    idempotencyKey: "crossback-shipment-0190f000-0000-7000-8000-000000000001",
    reference: "RMA-1001",
    from: {
      name: "Emma Clarke",
      line1: "1 Baker Street",
      city: "London",
      postalCode: "NW1 6XE",
      region: null,
      country: "GB",
      email: "emma@example.co.uk",
      phone: null,
    },
    to: {
      name: "Northwind Returns",
      line1: "Logistiekweg 4",
      city: "Venlo",
      postalCode: "5928 LB",
      region: null,
      country: "NL",
      email: null,
      phone: null,
    },
    parcel: { weightGrams: 640, lengthCm: 30, widthCm: 20, heightCm: 8 },
    customs: {
      rmaNumber: "RMA-1001",
      orderNumber: "WEB-1001",
      exportReference: {
        trackingNumber: "JJD0001234",
        carrier: "DHL",
        invoiceNumber: "INV-1001",
        exportedAt: new Date("2026-03-02T08:00:00Z"),
      },
      sender: {
        name: "Emma Clarke",
        line1: "1 Baker Street",
        city: "London",
        postalCode: "NW1 6XE",
        country: "GB",
      },
      recipient: {
        name: "Northwind Returns",
        line1: "Logistiekweg 4",
        city: "Venlo",
        postalCode: "5928 LB",
        country: "NL",
      },
      merchant: {
        legalName: "Northwind B.V.",
        vatNumber: "NL123456789B01",
        eoriNumber: "NL123456789",
        iossNumber: null,
      },
      contentsType: "returned_goods",
      incoterm: "DAP",
      signer: "Returns desk",
      date: new Date("2026-03-20T10:00:00Z"),
      currency: "GBP",
      lines: [
        {
          sku: "TEE-1",
          description: "Linen tee",
          hsCode: "610910",
          originCountry: "PT",
          weightGrams: 180,
          quantity: 2,
          value: { amount: 7980, currency: "GBP" },
        },
      ],
    },
    rule: { rule: "cheapest" },
    progress: { providerShipmentId: null, rateId: null },
    ...over,
  };
}
