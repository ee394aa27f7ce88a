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
  readonly payments: readonly (readonly [PaymentStyle, number])[];
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
    payments: [["card", 70], ["invoice", 30]],
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
    payments: [["card", 1]],
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
    payments: [["ideal", 65], ["card", 35]],
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
    payments: [["card", 1]],
    customers: [
      ["Oliver Smith", "oliver.smith", "London", "SE1 9SG", "", "Europe/London"],
      ["Amelia Jones", "amelia.jones", "Manchester", "M1 1AE", "", "Europe/London"],
      ["Harry Taylor", "harry.taylor", "Bristol", "BS1 4DJ", "", "Europe/London"],
      ["Isla Brown", "isla.brown", "Edinburgh", "EH1 1YZ", "", "Europe/London"],
      ["George Wilson", "george.wilson", "Leeds", "LS1 4DY", "", "Europe/London"],
      ["Ava Evans", "ava.evans", "Cardiff", "CF10 1EP", "", "Europe/London"],
    ],
  },
  {
    country: "US",
    currency: "USD",
    locale: "en-US",
    weight: 36,
    taxesIncluded: false,
    tax: { standard: 0, food: 0 },
    regions: { CA: [0.0825, false], NY: [0.08875, true], TX: [0.0825, true], WA: [0.101, true], OR: [0, false] },
    shipping: { standard: ["UPS Standard", 995], express: ["DHL Express Worldwide", 2995], freeOver: 15000 },
    carrier: "UPS",
    trackingPrefix: "1Z9W4E68",
    transitDays: [4, 8],
    duties: { rate: 0.1, over: 0, paidBy: "merchant" },
    cardProvider: "stripe",
    payments: [["card", 1]],
    customers: [
      ["Emily Johnson", "emily.johnson", "Los Angeles", "90012", "CA", "America/Los_Angeles"],
      ["Michael Chen", "michael.chen", "San Francisco", "94110", "CA", "America/Los_Angeles"],
      ["Sofia Garcia", "sofia.garcia", "San Diego", "92101", "CA", "America/Los_Angeles"],
      ["Daniel Kim", "daniel.kim", "Oakland", "94612", "CA", "America/Los_Angeles"],
      ["Olivia Brown", "olivia.brown", "New York", "10001", "NY", "America/New_York"],
      ["James Miller", "james.miller", "Austin", "78701", "TX", "America/Chicago"],
      ["Ava Thompson", "ava.thompson", "Seattle", "98101", "WA", "America/Los_Angeles"],
      ["Noah Davis", "noah.davis", "Portland", "97205", "OR", "America/Los_Angeles"],
    ],
  },
  {
    country: "JP",
    currency: "JPY",
    locale: "ja-JP",
    weight: 22,
    taxesIncluded: true,
    tax: { standard: 0.1, food: 0.08 },
    shipping: { standard: ["ヤマト運輸 (DHL eCommerce)", 1200], express: ["DHL Express", 3500], freeOver: 15000 },
    carrier: "Yamato Transport",
    trackingPrefix: "4829",
    transitDays: [4, 7],
    duties: { rate: 0.09, over: 10000, paidBy: "customer" },
    cardProvider: "adyen",
    payments: [["card", 80], ["cod", 20]],
    customers: [
      ["佐藤 陽菜", "hina.sato", "東京都渋谷区", "150-0002", "13", "Asia/Tokyo"],
      ["鈴木 蓮", "ren.suzuki", "大阪市北区", "530-0001", "27", "Asia/Tokyo"],
      ["高橋 結衣", "yui.takahashi", "横浜市中区", "231-0023", "14", "Asia/Tokyo"],
      ["田中 湊", "minato.tanaka", "福岡市中央区", "810-0001", "40", "Asia/Tokyo"],
      ["伊藤 さくら", "sakura.ito", "札幌市中央区", "060-0001", "01", "Asia/Tokyo"],
    ],
  },
  {
    country: "AU",
    currency: "AUD",
    locale: "en-AU",
    weight: 16,
    taxesIncluded: true,
    tax: { standard: 0.1, food: 0 },
    shipping: { standard: ["Australia Post International", 1495], express: ["DHL Express", 3995], freeOver: 20000 },
    carrier: "Australia Post",
    trackingPrefix: "LX",
    transitDays: [5, 10],
    duties: { rate: 0.05, over: 100000, paidBy: "customer" },
    cardProvider: "stripe",
    payments: [["card", 1]],
    customers: [
      ["Charlotte Wilson", "charlotte.wilson", "Sydney", "2000", "NSW", "Australia/Sydney"],
      ["Jack Thompson", "jack.thompson", "Melbourne", "3000", "VIC", "Australia/Melbourne"],
      ["Matilda Nguyen", "matilda.nguyen", "Brisbane", "4000", "QLD", "Australia/Brisbane"],
      ["William Taylor", "william.taylor", "Perth", "6000", "WA", "Australia/Perth"],
    ],
  },
  {
    country: "BR",
    currency: "BRL",
    locale: "pt-BR",
    weight: 14,
    taxesIncluded: true,
    tax: { standard: 0.17, food: 0.07 },
    shipping: { standard: ["Correios (PostNL International)", 4990], express: ["DHL Express", 18990], freeOver: 80000 },
    carrier: "Correios",
    trackingPrefix: "NL",
    transitDays: [8, 15],
    duties: { rate: 0.6, lowRate: 0.2, over: 30000, paidBy: "customer" },
    cardProvider: "ebanx",
    payments: [["card", 50], ["pix", 35], ["boleto", 15]],
    customers: [
      ["Ana Souza", "ana.souza", "São Paulo", "01310-100", "SP", "America/Sao_Paulo"],
      ["Pedro Oliveira", "pedro.oliveira", "Rio de Janeiro", "20040-020", "RJ", "America/Sao_Paulo"],
      ["Beatriz Lima", "beatriz.lima", "Belo Horizonte", "30130-010", "MG", "America/Sao_Paulo"],
      ["Gabriel Santos", "gabriel.santos", "Recife", "50030-230", "PE", "America/Recife"],
    ],
  },
  {
    country: "MX",
    currency: "MXN",
    locale: "es-MX",
    weight: 14,
    taxesIncluded: true,
    tax: { standard: 0.16, food: 0 },
    shipping: { standard: ["Estafeta (DHL eCommerce)", 19900], express: ["FedEx International Priority", 59900], freeOver: 250000 },
    carrier: "Estafeta",
    trackingPrefix: "70",
    transitDays: [6, 12],
    duties: { rate: 0.19, over: 0, paidBy: "merchant" },
    cardProvider: "stripe",
    payments: [["card", 65], ["spei", 20], ["cod", 15]],
    customers: [
      ["María Hernández", "maria.hernandez", "Ciudad de México", "06700", "CMX", "America/Mexico_City"],
      ["José García", "jose.garcia", "Guadalajara", "44100", "JAL", "America/Mexico_City"],
      ["Valeria López", "valeria.lopez", "Monterrey", "64000", "NLE", "America/Monterrey"],
      ["Diego Martínez", "diego.martinez", "Cancún", "77500", "ROO", "America/Cancun"],
    ],
  },
  {
    country: "KR",
    currency: "KRW",
    locale: "ko-KR",
    weight: 16,
    taxesIncluded: true,
    tax: { standard: 0.1, food: 0.1 },
    shipping: { standard: ["CJ대한통운 (DHL eCommerce)", 6000], express: ["DHL Express", 25000], freeOver: 100000 },
    carrier: "CJ Logistics",
    trackingPrefix: "5681",
    transitDays: [4, 7],
    duties: { rate: 0.13, over: 200000, paidBy: "customer" },
    cardProvider: "toss",
    payments: [["card", 1]],
    customers: [
      ["김민준", "minjun.kim", "서울특별시 강남구", "06236", "11", "Asia/Seoul"],
      ["이서연", "seoyeon.lee", "부산광역시 해운대구", "48094", "26", "Asia/Seoul"],
      ["박지호", "jiho.park", "인천광역시 연수구", "21984", "28", "Asia/Seoul"],
      ["최하은", "haeun.choi", "대전광역시 유성구", "34126", "30", "Asia/Seoul"],
    ],
  },
];
