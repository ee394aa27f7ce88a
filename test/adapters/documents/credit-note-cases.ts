/** The locale cases of the PDF read-back tests: each note and the strings its PDF must show. */
import type { RefundMethodView, SellerView } from "../../../src/app/documents/credit-note-view.ts";
import type { NoteSpec } from "./credit-note-fixtures.ts";

const seller = (country: string, legalName: string, lines: string[], vatNumber: string): SellerView => ({
  legalName,
  address: { lines, country },
  vatNumber,
});

export interface LocaleCase {
  readonly locale: string;
  readonly expected: readonly string[];
  readonly note: NoteSpec;
}

const card: RefundMethodView = {
  kind: "original_payment",
  amount: { amount: 0, currency: "EUR" },
  cardBrand: "Visa",
  last4: "4242",
};

export const LOCALE_CASES: readonly LocaleCase[] = [
  {
    locale: "pl-PL",
    note: {
      number: "CN-PL-2026-000042",
      currency: "PLN",
      seller: seller(
        "PL",
        "Crossback Polska sp. z o.o.",
        ["ul. Żurawia 6/12", "00-503 Warszawa"],
        "PL5252812345",
      ),
      customer: {
        name: "Łukasz Żółć",
        address: { lines: ["ul. Świętokrzyska 12 m. 4", "00-916 Warszawa"], country: "PL" },
      },
      items: [
        {
          description: "Kurtka przeciwdeszczowa – zwrot",
          sku: "KP-2041-M",
          quantity: 1,
          unit: 34_999,
          rateBp: 2300,
        },
      ],
      adjustments: [
        { kind: "outbound_shipping", gross: 1499, rateBp: 2300 },
        { kind: "return_shipping_fee", gross: -999, rateBp: 2300 },
      ],
      refunds: [
        {
          kind: "bank_transfer",
          amount: { amount: 0, currency: "PLN" },
          iban: "PL61 1090 1014 0000 0712 1981 2874",
        },
      ],
    },
    expected: [
      "Faktura korygująca",
      "Łukasz Żółć",
      "Kurtka przeciwdeszczowa – zwrot",
      "Nr faktury korygującej",
      "Łączna kwota zwrotu",
      "Zwrot kosztów wysyłki",
      "Opłata za przesyłkę zwrotną",
      "349,99 zł",
      "-9,99 zł",
      "354,99 zł",
      "Przelew bankowy: IBAN PL61 •••• 2874",
      "Polska",
    ],
  },
  {
    locale: "el-GR",
    note: {
      number: "CN-GR-2026-000007",
      currency: "EUR",
      seller: seller(
        "GR",
        "Crossback Hellas Μ.Ι.Κ.Ε.",
        ["Λεωφόρος Συγγρού 44", "117 42 Αθήνα"],
        "EL801234567",
      ),
      customer: {
        name: "Ελένη Παπαδοπούλου",
        address: { lines: ["Οδός Ερμού 25", "105 63 Αθήνα"], country: "GR" },
      },
      items: [
        { description: "Λινό φόρεμα – επιστροφή", sku: "LF-300-S", quantity: 2, unit: 4495, rateBp: 2400 },
      ],
      refunds: [card],
    },
    expected: [
      "Πιστωτικό τιμολόγιο",
      "Ελένη Παπαδοπούλου",
      "Λινό φόρεμα – επιστροφή",
      "Συνολικό ποσό πίστωσης",
      "Αρ. παραγγελίας",
      "44,95 €",
      "89,90 €",
      "Visa που λήγει σε 4242",
      "Ελλάδα",
    ],
  },
  {
    locale: "ja-JP",
    note: {
      number: "CN-JP-2026-000101",
      currency: "JPY",
      seller: seller("JP", "クロスバック株式会社", ["東京都千代田区丸の内1-1-1"], "T1234567890123"),
      customer: {
        name: "山田太郎",
        address: { lines: ["東京都渋谷区神南1-2-3", "〒150-0041"], country: "JP" },
      },
      items: [
        { description: "返品：レインジャケット", sku: "RJ-100-L", quantity: 1, unit: 12_800, rateBp: 1000 },
      ],
      adjustments: [{ kind: "outbound_shipping", gross: 770, rateBp: 1000 }],
      refunds: [{ ...card, amount: { amount: 0, currency: "JPY" } }],
    },
    expected: [
      "返金明細書",
      "山田太郎",
      "返品：レインジャケット",
      "返金合計",
      "注文番号",
      "送料（返金）",
      "￥12,800",
      "￥770",
      "￥13,570",
      "Visa（末尾 4242）",
      "2026年3月14日",
    ],
  },
  {
    locale: "de-DE",
    note: {
      number: "CN-DE-2026-000008",
      currency: "EUR",
      corrects: "CN-DE-2026-000007",
      invoiceNumber: "RE-2026-004711",
      seller: seller("DE", "Crossback GmbH", ["Friedrichstraße 68", "10117 Berlin"], "DE812345678"),
      customer: {
        name: "Jürgen Weißmüller",
        address: { lines: ["Große Bleichen 3", "20354 Hamburg"], country: "DE" },
      },
      items: [
        {
          description: "Regenjacke „Sturm“ – Größe M",
          sku: "RJ-STURM-M",
          quantity: 2,
          unit: 6495,
          rateBp: 1900,
        },
        { description: "Zelt für drei Personen", sku: "ZELT-3P", quantity: 1, unit: 123_450, rateBp: 1900 },
      ],
      adjustments: [{ kind: "restocking_fee", gross: -500, rateBp: 1900 }],
      refunds: [
        { kind: "store_credit", amount: { amount: 10_000, currency: "EUR" }, reference: "GUT-55AA" },
        { ...card, cardBrand: "Mastercard", last4: "5454" },
      ],
    },
    expected: [
      "Rechnungskorrektur",
      "Berichtigt die Rechnungskorrektur CN-DE-2026-000007, die unverändert bleibt.",
      "Jürgen Weißmüller",
      "Regenjacke „Sturm“ – Größe M",
      "Erstatteter Gesamtbetrag",
      "Wiedereinlagerungsgebühr",
      "RE-2026-004711",
      "1.234,50 €",
      "129,90 €",
      "-5,00 €",
      "1.359,40 €",
      "100,00 €",
      "1.259,40 €",
      "Mastercard mit Endziffern 5454",
      "14. März 2026",
    ],
  },
  {
    locale: "en-GB",
    note: {
      number: "CN-GB-2026-000312",
      currency: "GBP",
      seller: {
        ...seller("GB", "Crossback UK Ltd", ["1 Poultry", "London EC2R 8EJ"], "GB123456789"),
        eori: "GB123456789000",
      },
      customer: {
        name: "Siobhán O’Connor",
        address: { lines: ["12 Grafton Street", "Dublin 2"], country: "IE" },
      },
      items: [
        { description: "Waterproof jacket – return", sku: "WJ-200-L", quantity: 1, unit: 5999, rateBp: 2000 },
      ],
      adjustments: [{ kind: "store_credit_bonus", gross: 500, rateBp: null }],
      refunds: [{ kind: "store_credit", amount: { amount: 0, currency: "GBP" }, reference: "SC-0042" }],
    },
    expected: [
      "Credit note",
      "Siobhán O’Connor",
      "Waterproof jacket – return",
      "Total credited",
      "Store credit bonus",
      "EORI no. GB123456789000",
      "£59.99",
      "£5.00",
      "£64.99",
      "14 March 2026",
      "Ireland",
    ],
  },
];
