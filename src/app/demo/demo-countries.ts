import { OVERSEAS } from "./demo-countries-overseas.ts";

/** Per destination: currency, tax style, shipping, carrier, duties and how shoppers pay (amounts in minor units). */

export type PaymentStyle = "card" | "ideal" | "invoice" | "pix" | "boleto" | "spei" | "cod";

export interface DemoCountry {
  readonly country: string;
  readonly currency: string;
  readonly locale: string;
  /** Share of the demo's orders. */
  readonly weight: number;
  readonly taxesIncluded: boolean;
  /** VAT/GST rate and the reduced rate for food; US rates come from `regions`. */
  readonly tax: { readonly standard: number; readonly food: number };
  /** US sales tax per state: rate and whether shipping is taxed. */
  readonly regions?: Readonly<Record<string, readonly [number, boolean]>>;
  readonly shipping: {
    readonly standard: readonly [string, number];
    readonly express: readonly [string, number];
    readonly freeOver: number;
  };
  readonly carrier: string;
  readonly trackingPrefix: string;
  readonly transitDays: readonly [number, number];
  /** Import duties when shipped from the NL warehouse: rate on goods above `over` (BR: `lowRate` below it). */
  readonly duties: {
    readonly rate: number;
    readonly over: number;
    readonly lowRate?: number;
    readonly paidBy: "customer" | "merchant" | "mixed";
  } | null;
  readonly cardProvider: string;
  readonly payments: Readonly<Partial<Record<PaymentStyle, number>>>;
  /** [name, email local part, city, postal code, region or "", IANA time zone]. */
  readonly customers: readonly (readonly [string, string, string, string, string, string])[];
}

const EU_TZ = { DE: "Europe/Berlin", FR: "Europe/Paris", NL: "Europe/Amsterdam" } as const;

export const COUNTRIES: readonly DemoCountry[] = [
  {
    country: "DE",
    currency: "EUR",
    locale: "de-DE",
    weight: 38,
    taxesIncluded: true,
    tax: { standard: 0.19, food: 0.07 },
    shipping: { standard: ["DHL Paket", 495], express: ["DHL Express", 1295], freeOver: 7500 },
    carrier: "DHL Paket",
    trackingPrefix: "00340434",
    transitDays: [1, 3],
    duties: null,
    cardProvider: "adyen",
    payments: { card: 70, invoice: 30 },
    customers: [
      ["Lena Schmidt", "lena.schmidt", "Berlin", "10115", "", EU_TZ.DE],
      ["Jonas Müller", "jonas.mueller", "München", "80331", "", EU_TZ.DE],
      ["Mia Weber", "mia.weber", "Hamburg", "20095", "", EU_TZ.DE],
      ["Felix Wagner", "felix.wagner", "Köln", "50667", "", EU_TZ.DE],
      ["Hannah Becker", "hannah.becker", "Leipzig", "04109", "", EU_TZ.DE],
      ["Lukas Hoffmann", "lukas.hoffmann", "Stuttgart", "70173", "", EU_TZ.DE],
    ],
  },
  {
    country: "FR",
    currency: "EUR",
    locale: "fr-FR",
    weight: 24,
    taxesIncluded: true,
    tax: { standard: 0.2, food: 0.055 },
    shipping: { standard: ["Colissimo", 595], express: ["Chronopost", 1490], freeOver: 7500 },
    carrier: "Colissimo",
    trackingPrefix: "6A",
    transitDays: [2, 4],
    duties: null,
    cardProvider: "adyen",
    payments: { card: 1 },
    customers: [
      ["Camille Martin", "camille.martin", "Paris", "75011", "", EU_TZ.FR],
      ["Louis Bernard", "louis.bernard", "Lyon", "69002", "", EU_TZ.FR],
      ["Chloé Dubois", "chloe.dubois", "Marseille", "13001", "", EU_TZ.FR],
      ["Hugo Lefèvre", "hugo.lefevre", "Bordeaux", "33000", "", EU_TZ.FR],
      ["Léa Moreau", "lea.moreau", "Lille", "59000", "", EU_TZ.FR],
    ],
  },
  {
    country: "NL",
    currency: "EUR",
    locale: "nl-NL",
    weight: 20,
    taxesIncluded: true,
    tax: { standard: 0.21, food: 0.09 },
    shipping: { standard: ["PostNL", 395], express: ["PostNL Avondbezorging", 695], freeOver: 5000 },
    carrier: "PostNL",
    trackingPrefix: "3SNWAG",
    transitDays: [1, 2],
    duties: null,
    cardProvider: "adyen",
    payments: { ideal: 65, card: 35 },
    customers: [
      ["Sanne de Vries", "sanne.devries", "Amsterdam", "1012 AB", "", EU_TZ.NL],
      ["Daan Jansen", "daan.jansen", "Utrecht", "3511 AA", "", EU_TZ.NL],
      ["Emma Bakker", "emma.bakker", "Rotterdam", "3011 AD", "", EU_TZ.NL],
      ["Bram Visser", "bram.visser", "Eindhoven", "5611 AB", "", EU_TZ.NL],
      ["Julia Smit", "julia.smit", "Groningen", "9711 AA", "", EU_TZ.NL],
    ],
  },
  {
    country: "GB",
    currency: "GBP",
    locale: "en-GB",
    weight: 30,
    taxesIncluded: true,
    tax: { standard: 0.2, food: 0 },
    shipping: { standard: ["DHL Parcel UK", 495], express: ["DHL Express", 1295], freeOver: 10000 },
    carrier: "DHL Parcel UK",
    trackingPrefix: "JD0140",
    transitDays: [2, 5],
    duties: { rate: 0.12, over: 13500, paidBy: "mixed" },
    cardProvider: "stripe",
    payments: { card: 1 },
    customers: [
      ["Oliver Smith", "oliver.smith", "London", "SE1 9SG", "", "Europe/London"],
      ["Amelia Jones", "amelia.jones", "Manchester", "M1 1AE", "", "Europe/London"],
      ["Harry Taylor", "harry.taylor", "Bristol", "BS1 4DJ", "", "Europe/London"],
      ["Isla Brown", "isla.brown", "Edinburgh", "EH1 1YZ", "", "Europe/London"],
      ["George Wilson", "george.wilson", "Leeds", "LS1 4DY", "", "Europe/London"],
      ["Ava Evans", "ava.evans", "Cardiff", "CF10 1EP", "", "Europe/London"],
    ],
  },
  ...OVERSEAS,
];
