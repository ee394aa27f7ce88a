/** Right-to-left credit notes (Arabic, Hebrew): each note and the strings its PDF must read back as. */
import type { LocaleCase } from "./credit-note-cases.ts";

export const RTL_CASES: readonly LocaleCase[] = [
  {
    locale: "ar-AE",
    note: {
      number: "CN-AE-2026-000019",
      currency: "AED",
      seller: {
        legalName: "كروس باك للتجارة ش.ذ.م.م",
        address: { lines: ["شارع الشيخ زايد 12", "دبي"], country: "AE" },
        vatNumber: "100123456700003",
      },
      customer: {
        name: "محمد عبد الرحمن",
        address: { lines: ["شارع الوصل 45", "دبي"], country: "AE" },
      },
      items: [
        { description: "سترة مقاومة للمطر – إرجاع", sku: "RJ-100-L", quantity: 2, unit: 24_950, rateBp: 500 },
      ],
      adjustments: [{ kind: "return_shipping_fee", gross: -1500, rateBp: 500 }],
      refunds: [
        {
          kind: "original_payment",
          amount: { amount: 48_400, currency: "AED" },
          cardBrand: "Visa",
          last4: "4242",
        },
      ],
    },
    // pdftotext gives lam-alef ligatures (لا, لإ) back in reverse: the expected words have none.
    expected: [
      "إشعار دائن",
      "محمد عبد الرحمن",
      "سترة مقاومة للمطر – إرجاع",
      "إجمالي المبلغ الدائن",
      "رقم الطلب",
      "المنتجات المرتجعة",
      "RJ-100-L",
      "499.00",
      "484.00",
      "4242",
    ],
  },
  {
    locale: "he-IL",
    note: {
      number: "CN-IL-2026-000005",
      currency: "ILS",
      seller: {
        legalName: "קרוסבק ישראל בע״מ",
        address: { lines: ["רחוב רוטשילד 22", "תל אביב-יפו"], country: "IL" },
        vatNumber: "514123456",
      },
      customer: {
        name: "נועה כהן",
        address: { lines: ["רחוב הרצל 7", "חיפה"], country: "IL" },
      },
      items: [{ description: "מעיל גשם – החזרה", sku: "RJ-200-M", quantity: 1, unit: 34_990, rateBp: 1800 }],
      refunds: [{ kind: "store_credit", amount: { amount: 34_990, currency: "ILS" }, reference: "GC-7781" }],
    },
    expected: ["חשבונית זיכוי", "נועה כהן", "מעיל גשם – החזרה", "סה״כ זיכוי", "זיכוי בחנות", "GC-7781"],
  },
];
