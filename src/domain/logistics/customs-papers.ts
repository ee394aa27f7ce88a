import type { FieldIssue } from "../errors.ts";
import type { Money } from "../money.ts";

/**
 * What the returned-goods commercial invoice and the CN23 say. Built from the case, its order and
 * products, the merchant's legal entity and the route; validated before any label is bought.
 */
export interface CustomsLine {
  readonly sku: string;
  readonly description: string;
  readonly hsCode: string | null;
  readonly originCountry: string | null;
  /** Per unit. */
  readonly weightGrams: number | null;
  readonly quantity: number;
  /** For all units of the line. */
  readonly value: Money;
}

export interface CustomsParty {
  readonly name: string | null;
  readonly line1: string | null;
  readonly city: string | null;
  readonly postalCode: string | null;
  readonly country: string;
}

export interface CustomsPapers {
  readonly rmaNumber: string;
  readonly orderNumber: string;
  /** The original export: outbound tracking / air waybill, its carrier, the invoice number, when it left. */
  readonly exportReference: {
    readonly trackingNumber: string | null;
    readonly carrier: string | null;
    readonly invoiceNumber: string | null;
    readonly exportedAt: Date | null;
  };
  readonly sender: CustomsParty;
  readonly recipient: CustomsParty;
  readonly merchant: {
    readonly legalName: string | null;
    readonly vatNumber: string | null;
    readonly eoriNumber: string | null;
    readonly iossNumber: string | null;
  };
  readonly contentsType: "returned_goods";
  readonly incoterm: string | null;
  readonly signer: string | null;
  readonly date: Date;
  readonly currency: string;
  readonly lines: readonly CustomsLine[];
}

const HS = /^\d{6,10}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** Every missing or malformed field, by path (`lines[0].hsCode (SKU TEE-1)`): an empty list is valid. */
export function validateCustomsPapers(p: CustomsPapers, needsEori: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (path: string, v: string | null, message = "is missing") => {
    if (v === null || v.trim() === "") issues.push({ path, message });
  };
  need(
    "exportReference.trackingNumber",
    p.exportReference.trackingNumber,
    "is missing: the outbound tracking number or air waybill of the original shipment (order fulfilment trackingNumber)",
  );
  need(
    "exportReference.invoiceNumber",
    p.exportReference.invoiceNumber,
    "is missing: the original invoice number",
  );
  for (const [side, party] of [
    ["sender", p.sender],
    ["recipient", p.recipient],
  ] as const) {
    need(`${side}.name`, party.name);
    need(`${side}.line1`, party.line1);
    need(`${side}.city`, party.city);
    need(`${side}.postalCode`, party.postalCode);
  }
  need("merchant.legalName", p.merchant.legalName, "is missing: add a legal entity to the market");
  need("merchant.vatNumber", p.merchant.vatNumber);
  if (needsEori)
    need(
      "merchant.eoriNumber",
      p.merchant.eoriNumber,
      "is missing: an EORI number is needed to import into the EU or the UK",
    );
  need("incoterm", p.incoterm, "is missing: set customs.incoterm in the logistics settings");
  need("signer", p.signer, "is missing: set customs.signer in the logistics settings");
  if (p.lines.length === 0) issues.push({ path: "lines", message: "no goods to declare" });
  p.lines.forEach((l, i) => {
    const at = (f: string) => `lines[${i}].${f}`;
    const sku = ` (SKU ${l.sku}: PUT /api/v1/products/${l.sku})`;
    if (!l.hsCode) issues.push({ path: at("hsCode"), message: `is missing${sku}` });
    else if (!HS.test(l.hsCode)) issues.push({ path: at("hsCode"), message: `must be 6 to 10 digits${sku}` });
    if (!l.originCountry) issues.push({ path: at("originCountry"), message: `is missing${sku}` });
    else if (!COUNTRY.test(l.originCountry))
      issues.push({ path: at("originCountry"), message: `must be an ISO country code${sku}` });
    if (l.weightGrams === null || l.weightGrams <= 0)
      issues.push({ path: at("weightGrams"), message: `is missing${sku}` });
    if (l.description.trim() === "") issues.push({ path: at("description"), message: "is missing" });
    if (l.value.amount <= 0) issues.push({ path: at("value"), message: "must be more than zero" });
  });
  return issues;
}

export const totalWeightGrams = (p: Pick<CustomsPapers, "lines">): number =>
  p.lines.reduce((g, l) => g + (l.weightGrams ?? 0) * l.quantity, 0);

/** Distinct tariff subheadings (HS 6 digits) in the parcel: the EU interim duty counts these. */
export const distinctTariffLines = (p: Pick<CustomsPapers, "lines">): number =>
  new Set(p.lines.map((l) => (l.hsCode ?? l.sku).slice(0, 6))).size;
