import type { CustomsPapers } from "../../domain/logistics/customs-papers.ts";
import { unitsShare } from "../../domain/money.ts";
import { linePaid, type Order } from "../../domain/order.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { LegalEntity } from "../ports/index.ts";
import type { PostalParty } from "./ports.ts";

/** The customs papers of a return parcel: what goes back, from whom, to whom, under which export. */
export function buildCustomsPapers(o: {
  c: ReturnCase;
  order: Order;
  lines: readonly { lineId: string; quantity: number }[];
  from: PostalParty;
  to: PostalParty;
  entity: LegalEntity | null;
  incoterm: string | null;
  signer: string | null;
  date: Date;
}): CustomsPapers {
  const f = o.order.fulfilments.find((x) => x.trackingNumber) ?? o.order.fulfilments[0];
  const party = (p: PostalParty) => ({
    name: p.name || null,
    line1: p.line1 || null,
    city: p.city || null,
    postalCode: p.postalCode || null,
    country: p.country,
  });
  return {
    rmaNumber: o.c.number,
    orderNumber: o.order.externalId,
    exportReference: {
      trackingNumber: f?.trackingNumber ?? null,
      carrier: f?.carrier ?? null,
      invoiceNumber: o.order.externalId,
      exportedAt: f?.shippedAt ?? null,
    },
    sender: party(o.from),
    recipient: party(o.to),
    merchant: {
      legalName: o.entity?.name ?? null,
      vatNumber: o.entity?.vatNumber ?? null,
      eoriNumber: o.entity?.eoriNumber ?? null,
      iossNumber: o.entity?.iossNumber ?? null,
    },
    contentsType: "returned_goods",
    incoterm: o.incoterm,
    signer: o.signer,
    date: o.date,
    currency: o.order.currency,
    lines: o.lines.flatMap((q) => {
      const line = o.c.lines.find((l) => l.id === q.lineId);
      const ol = o.order.lines.find((l) => l.id === line?.orderLineId);
      if (!line || !ol) return [];
      return [
        {
          sku: ol.sku,
          description: ol.title,
          hsCode: ol.product?.hsCode ?? null,
          originCountry: ol.product?.originCountry ?? null,
          weightGrams: ol.product?.weightGrams ?? null,
          quantity: q.quantity,
          value: unitsShare(linePaid(o.order, ol), ol.quantity, 0, Math.min(q.quantity, ol.quantity)),
        },
      ];
    }),
  };
}

/** Customs papers back from JSON (dates revived). */
export function revivePapers(json: Readonly<Record<string, unknown>>): CustomsPapers {
  const p = json as unknown as CustomsPapers & {
    date: string;
    exportReference: { exportedAt: string | null };
  };
  return {
    ...p,
    date: new Date(p.date),
    exportReference: {
      ...p.exportReference,
      exportedAt: p.exportReference.exportedAt ? new Date(p.exportReference.exportedAt) : null,
    },
  };
}
