/** The rendered policy's sections: ids, order, the policy's details and purity. */
import { describe, expect, test } from "vitest";
import { renderPolicy } from "../../../../src/domain/policy/render/render-policy.ts";
import { sectionText } from "./helpers.ts";
import { amounts, FULL_POLICY as FULL, makePolicy } from "./policy-factory.ts";

describe("sections", () => {
  test("every section id is present, in a stable order", () => {
    const r = renderPolicy({ policy: FULL, country: "DE", region: null, locale: "en", currency: "EUR" });
    expect(r.sections.map((s) => s.id)).toEqual([
      "window",
      "non_returnable",
      "how_to_return",
      "refunds",
      "statutory_rights",
      "legal_guarantee",
      "cancellation",
    ]);
    for (const s of r.sections) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.paragraphs.length).toBeGreaterThan(0);
      expect(r.text).toContain(`${s.title}\n${s.paragraphs[0]}`);
    }
  });

  test("no cancellation schedule → no cancellation section", () => {
    const r = renderPolicy({
      policy: makePolicy(),
      country: "DE",
      region: null,
      locale: "en",
      currency: "EUR",
    });
    expect(r.sections.map((s) => s.id)).not.toContain("cancellation");
  });

  test("policy null: only the statutory sections, and a sentence that no policy covers the market", () => {
    const r = renderPolicy({ policy: null, country: "DE", region: null, locale: "de-DE", currency: "EUR" });
    expect(r.policy).toBeNull();
    expect(r.sections.map((s) => s.id)).toEqual(["statutory_rights", "legal_guarantee"]);
    expect(r.sections[0]?.paragraphs[0]).toBe(
      "Für Ihr Land gilt keine Rückgaberichtlinie dieses Shops. Es gelten nur die hier beschriebenen gesetzlichen Rechte.",
    );
  });

  test("the policy's details, in English", () => {
    const r = renderPolicy({ policy: FULL, country: "DE", region: null, locale: "en-GB", currency: "EUR" });
    expect(sectionText(r, "window")).toContain(
      "Items bought between 15 November 2025 and 31 December 2025 can be returned until 31 January 2026.",
    );
    const nr = sectionText(r, "non_returnable");
    expect(nr).toContain("Items in these categories cannot be returned: gift-cards.");
    expect(nr).toContain("These article numbers cannot be returned: SKU-1.");
    expect(nr).toContain(
      "The law also excludes these from the right of withdrawal: personalised or made-to-order items.",
    );
    expect(nr).toContain("as long as the seal is unbroken: sealed health and hygiene products.");
    const how = sectionText(r, "how_to_return");
    expect(how).toContain("Once your return is approved, send the items within 14 days.");
    expect(how).toContain("We review every return request before approving it.");
    expect(how).toContain("This policy accepts returns for these reasons: changed my mind and defective.");
    expect(how).toContain("Please include photos when the reason is: defective.");
    const refunds = sectionText(r, "refunds");
    expect(refunds).toContain(
      "You can choose a refund to your original payment method, store credit or an exchange.",
    );
    expect(refunds).toContain("If you choose store credit, you receive 5% extra.");
    expect(refunds).toContain(
      "For items worth less than €10.00, we may refund you without asking for the item back.",
    );
    expect(refunds).toContain("We issue your refund once we have received and inspected the items.");
    expect(sectionText(r, "cancellation").split("\n")).toEqual([
      "Orders of goods that have not shipped yet can be cancelled for a full refund.",
      "Full refund if you cancel a booking at least 5 days before it starts.",
      "50% refund if you cancel a booking at least 1 day before it starts.",
      "No refund if you cancel later.",
    ]);
  });

  test("merchant-paid shipping, a fixed restocking fee and custom tiers in hours", () => {
    const policy = makePolicy({
      returnShipping: { paidBy: "merchant", flatFee: {}, freeAbove: {} },
      restockingFee: { fixed: amounts({ GBP: 250 }) },
      cancellation: { preset: "custom", tiers: [{ hoursBefore: 36, refundBasisPoints: 7_550 }] },
    });
    const r = renderPolicy({ policy, country: "GB", region: null, locale: "en-GB", currency: "GBP" });
    expect(sectionText(r, "how_to_return")).toContain("Return shipping is free.");
    expect(sectionText(r, "refunds")).toContain(
      "A restocking fee of £2.50 is deducted from refunds under this policy.",
    );
    expect(sectionText(r, "cancellation").split("\n")).toEqual([
      "Orders of goods that have not shipped yet can be cancelled for a full refund.",
      "75.5% refund if you cancel a booking at least 36 hours before it starts.",
      "No refund if you cancel later.",
    ]);
    // A fixed fee without an amount in the market's currency is not charged, so not shown.
    const eur = renderPolicy({ policy, country: "DE", region: null, locale: "en", currency: "EUR" });
    expect(sectionText(eur, "refunds")).not.toContain("restocking");
  });

  test("a statutory period longer than the merchant window applies instead", () => {
    const policy = makePolicy({ window: { days: 7, from: "delivery" } });
    const r = renderPolicy({ policy, country: "DE", region: null, locale: "en", currency: "EUR" });
    expect(sectionText(r, "window")).toContain(
      "Your statutory withdrawal period of 14 days is longer and applies instead.",
    );
    const fr = renderPolicy({ policy, country: "FR", region: null, locale: "fr", currency: "EUR" });
    expect(sectionText(fr, "window")).toContain("Le délai légal de rétractation (14 jours) est plus long");
  });

  test("pure: the same input gives the same output", () => {
    const input = { policy: FULL, country: "FR", region: null, locale: "fr-FR", currency: "EUR" } as const;
    expect(renderPolicy(input)).toEqual(renderPolicy(input));
  });
});
