import { upsertProduct } from "../catalog.ts";
import { type ProductBody, productBody } from "../inputs/product-input.ts";
import type { Deps } from "../ports/index.ts";

/** The demo catalogue: ordinary goods plus every kind of item that return rules treat differently. */

type Flag = "finalSale" | "personalised" | "perishable" | "sealedHygiene" | "sealedMedia" | "digital";

export interface DemoProduct {
  readonly sku: string;
  /** Reference price in euro cents; other currencies get a local price point from it. */
  readonly eur: number;
  readonly body: ProductBody;
}

function p(
  sku: string,
  title: string,
  category: string,
  eur: number,
  hsCode: string | null,
  originCountry: string,
  weightGrams: number,
  flags: readonly Flag[] = [],
  vendor: string | null = null,
): DemoProduct {
  const has = (f: Flag) => flags.includes(f);
  const body = productBody.parse({
    title,
    category,
    vendor,
    finalSale: has("finalSale"),
    personalised: has("personalised"),
    perishable: has("perishable"),
    sealedHygiene: has("sealedHygiene"),
    sealedMedia: has("sealedMedia"),
    digital: has("digital"),
    hsCode,
    originCountry,
    weightGrams,
  });
  return { sku, eur, body };
}

export const CATALOG: readonly DemoProduct[] = [
  p("NW-TEE-ORG", "Organic cotton T-shirt", "apparel/tops", 2995, "610910", "PT", 180),
  p("NW-HOOD-MER", "Merino wool hoodie", "apparel/tops", 11900, "611011", "PT", 520),
  p("NW-JEAN-SLV", "Slim selvedge jeans", "apparel/bottoms", 14900, "620342", "JP", 750),
  p("NW-DRS-LIN", "Linen summer dress", "apparel/dresses", 13900, "620449", "LT", 320),
  p("NW-JKT-RAIN", "Waterproof rain jacket", "apparel/outerwear", 18900, "621020", "VN", 610),
  p("NW-SNK-TRL", "Trail running shoes", "footwear", 13900, "640411", "VN", 820),
  p("NW-BOOT-CHL", "Leather Chelsea boots", "footwear", 22900, "640391", "PT", 1400),
  p("NW-SCF-CSH", "Cashmere scarf", "accessories", 9900, "621420", "IT", 160),
  p("NW-BAG-TOT", "Waxed canvas tote bag", "accessories/bags", 8900, "420222", "GB", 900),
  p("NW-BELT-LTH", "Full-grain leather belt", "accessories", 5900, "420330", "ES", 250),
  p("NW-SOCK-3PK", "Merino socks, 3-pack", "apparel/socks", 3400, "611594", "IT", 150),
  p("NW-WATCH-AUT", "Automatic field watch", "accessories/watches", 34900, "910221", "CH", 160),
  p("NW-HEAD-WLS", "Wireless noise-cancelling headphones", "electronics/audio", 17900, "851830", "CN", 280),
  p("NW-HOME-CND", "Soy wax candle", "home", 2400, "340600", "NL", 380),
  p("NW-HOME-THR", "Wool throw blanket", "home/textiles", 11900, "630120", "NL", 1200),
  p("NW-UW-BOX2", "Boxer briefs, 2-pack", "apparel/underwear", 3900, "610711", "PT", 120, ["sealedHygiene"]),
  p("NW-SWIM-BIK", "Bikini set", "apparel/swimwear", 7900, "611241", "IT", 140, ["sealedHygiene"]),
  p("NW-COS-SRM", "Vitamin C face serum 30 ml", "beauty/skincare", 4500, "330499", "FR", 110, [
    "sealedHygiene",
  ]),
  p("NW-COS-LIP", "Tinted lip balm", "beauty/makeup", 1800, "330410", "KR", 30, ["sealedHygiene"]),
  p("NW-FOOD-CHC", "Dark chocolate gift box", "food/confectionery", 3200, "180632", "BE", 400, [
    "perishable",
  ]),
  p("NW-FOOD-COF", "Single-origin coffee beans 1 kg", "food/coffee", 3800, "090121", "CO", 1050, [
    "perishable",
  ]),
  p("NW-FOOD-MAT", "Ceremonial matcha tin 40 g", "food/tea", 2900, "090210", "JP", 120, ["perishable"]),
  p("NW-ENG-WAL", "Engraved leather wallet", "accessories/personalised", 7900, "420231", "IT", 120, [
    "personalised",
  ]),
  p("NW-ENG-PEN", "Engraved fountain pen", "stationery/personalised", 9500, "960830", "DE", 60, [
    "personalised",
  ]),
  p("NW-SALE-SUN", "Polarised sunglasses (archive sale)", "accessories/sale", 3900, "900410", "IT", 90, [
    "finalSale",
  ]),
  p("NW-SALE-KNT", "Cable-knit jumper (archive sale)", "apparel/sale", 4900, "611011", "IE", 600, [
    "finalSale",
  ]),
  p("NW-GAME-SW", "Strategy video game (sealed)", "media/games", 5900, "852349", "PL", 100, ["sealedMedia"]),
  p("NW-SOFT-PHO", "Photo editing suite, boxed licence", "media/software", 8900, "852349", "US", 150, [
    "sealedMedia",
  ]),
  p("NW-GIFT-ECARD", "Gift e-card", "gift-cards", 5000, null, "NL", 0, ["digital"]),
  p("NW-DIG-PATT", "Sewing pattern, PDF download", "digital/patterns", 1200, null, "NL", 0, ["digital"]),
  p(
    "VK-BOWL-MAT",
    "Hand-thrown matcha bowl",
    "home/ceramics",
    6400,
    "691200",
    "JP",
    450,
    [],
    "kyoto-ceramics",
  ),
  p(
    "VK-TEA-SET",
    "Porcelain tea set for two",
    "home/ceramics",
    14900,
    "691110",
    "JP",
    1800,
    [],
    "kyoto-ceramics",
  ),
  p(
    "VA-SLEEP-DWN",
    "Down sleeping bag −10 °C",
    "outdoor",
    24900,
    "940430",
    "AT",
    1200,
    [],
    "alpine-outfitters",
  ),
  p("VA-POLE-TRK", "Carbon trekking poles", "outdoor", 8900, "660200", "AT", 540, [], "alpine-outfitters"),
];

export const productBySku: ReadonlyMap<string, DemoProduct> = new Map(CATALOG.map((x) => [x.sku, x]));

const FX: Readonly<Record<string, number>> = {
  EUR: 1,
  GBP: 0.86,
  USD: 1.08,
  JPY: 162,
  AUD: 1.65,
  BRL: 5.9,
  MXN: 19.6,
  KRW: 1480,
};

/** A local price point in minor units: €29.95, £26.00, $32.00, ¥12,900, ₩89,000, R$176,90, MX$589.00. */
export function localPrice(eurCents: number, currency: string): number {
  const rate = FX[currency];
  if (rate === undefined) throw new Error(`no demo exchange rate for ${currency}`);
  const major = (eurCents / 100) * rate;
  switch (currency) {
    case "JPY":
      return major < 2000
        ? Math.max(100, Math.round(major / 100) * 100)
        : Math.round(major / 1000) * 1000 - 100;
    case "KRW":
      return major < 20000
        ? Math.max(1000, Math.round(major / 1000) * 1000)
        : Math.round(major / 10000) * 10000 - 1000;
    case "MXN":
      return Math.max(9, Math.round(major / 10) * 10 - 1) * 100;
    case "BRL":
      return Math.ceil(major) * 100 - 10;
    case "GBP":
    case "USD":
      return Math.max(1, Math.round(major)) * 100;
    default:
      return Math.ceil(major) * 100 - 5;
  }
}

/** Round local amounts, minor units: [welcome voucher, small gift card, large gift card]. */
export const ROUND_AMOUNTS: Readonly<Record<string, readonly [number, number, number]>> = {
  EUR: [1000, 2500, 5000],
  GBP: [1000, 2500, 5000],
  USD: [1000, 2500, 5000],
  JPY: [1500, 3000, 5000],
  AUD: [1500, 5000, 10000],
  BRL: [5000, 10000, 25000],
  MXN: [20000, 50000, 100000],
  KRW: [15000, 30000, 50000],
};

export function roundAmount(currency: string, which: 0 | 1 | 2): number {
  const amounts = ROUND_AMOUNTS[currency];
  if (!amounts) throw new Error(`no demo amounts for ${currency}`);
  return amounts[which];
}

/** What the item costs in `currency`: a gift card is sold at a round face value. */
export function unitPrice(p: DemoProduct, currency: string): number {
  return p.body.category === "gift-cards" ? roundAmount(currency, 2) : localPrice(p.eur, currency);
}

/**
 * The demo item's barcode: an EAN-13 in GS1's in-store range (prefix 20), 2000000000015 for the first
 * item of the catalogue, so the receiving station can be tried with printed or typed barcodes.
 */
export function demoGtin(index: number): string {
  const body = `20${String(index + 1).padStart(10, "0")}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export async function seedCatalog(deps: Deps, merchantId: string): Promise<number> {
  for (const [i, item] of CATALOG.entries())
    await upsertProduct(deps, merchantId, item.sku, { ...item.body, gtin: demoGtin(i) });
  return CATALOG.length;
}
