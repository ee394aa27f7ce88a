/** The rendered policy in the United States and Japan, and the choice of language. */
import { describe, expect, test } from "vitest";
import { renderPolicy, SUPPORTED_LOCALES } from "../../../../src/domain/policy/render/render-policy.ts";
import type { ReturnPolicy } from "../../../../src/domain/policy/return-policy.ts";
import { plain, ruleIds, sectionText } from "./helpers.ts";
import { makePolicy } from "./policy-factory.ts";

const render = (
  country: string,
  region: string | null,
  locale: string,
  currency: string,
  policy: ReturnPolicy | null,
) => renderPolicy({ policy, country, region, locale, currency });

describe("United States, en-US", () => {
  test("California with a posted policy: no federal right, the § 1723 default is replaced by the policy", () => {
    const r = render("US", "CA", "en-US", "USD", makePolicy());
    expect(r.jurisdiction).toBe("US-CA");
    const rights = sectionText(r, "statutory_rights");
    expect(rights).toContain("Applicable consumer law: United States (CA).");
    expect(rights).toContain("There is no nationwide statutory right to return an online purchase");
    expect(rights).toContain(
      "If a shop does not display its own return policy, the law lets you return goods within 30 days.",
    );
    expect(rights).toContain(
      "This shop displays its own return policy (above), so this statutory default does not apply",
    );
    expect(ruleIds(r, "statutory_rights")).toEqual(
      expect.arrayContaining([
        "us.ftc.withdrawal.none",
        "us-ca.civ1723.withdrawal.right",
        "us-ca.civ1723.withdrawal.period",
      ]),
    );
    expect(rights).toContain("[Cal. Civ. Code § 1723]");
    // The default does not override the shop's exclusions, and no restocking exemption for a withdrawal.
    expect(sectionText(r, "non_returnable")).not.toContain("statutory period");
    expect(sectionText(r, "refunds")).toContain("It never applies to faulty, damaged or wrong items.");
    expect(plain(r.text)).toContain("Return shipping costs $4.95.");
  });

  test("California without a policy: the 30-day default applies, from the purchase, final sale exempt", () => {
    const rights = sectionText(render("US", "CA", "en-US", "USD", null), "statutory_rights");
    expect(rights).toContain(
      "Because no return policy of this shop covers your country, this statutory default applies.",
    );
    expect(rights).toContain("The period starts on the day after you place your order.");
    expect(rights).toMatch(/By law, the right of withdrawal does not cover: .*items sold as final sale/);
    expect(rights).toContain("The goods must be returned in their original packaging.");
  });

  test("no region: no change-of-mind right at all", () => {
    const r = render("US", null, "en-US", "USD", makePolicy());
    expect(r.jurisdiction).toBe("US");
    const rights = sectionText(r, "statutory_rights");
    expect(rights).toContain(
      "There is no statutory right to return an online purchase just because you changed your mind.",
    );
    expect(rights).toContain("follow this shop's policy described above");
    expect(rights).not.toContain("nationwide");
  });
});

describe("Japan, ja-JP", () => {
  test("with a posted policy the 8-day default does not apply; yen without decimals", () => {
    const r = render("JP", null, "ja-JP", "JPY", makePolicy());
    const rights = sectionText(r, "statutory_rights");
    expect(rights).toContain("8日以内であれば商品を返品できます");
    expect(rights).toContain("当ショップのポリシーが適用されます");
    expect(rights).not.toContain("1日目");
    expect(sectionText(r, "window")).toBe("商品の到着日から30日以内であれば返品できます。");
    const text = plain(r.text);
    expect(text).toContain("返品送料は￥800です。");
    expect(text).toContain("ご注文金額が￥10,000以上の場合");
    expect(text).not.toMatch(/￥[\d,]+\.\d/);
  });

  test("without a policy the 8-day default applies, the delivery day counting as day 1", () => {
    const rights = sectionText(render("JP", null, "ja-JP", "JPY", null), "statutory_rights");
    expect(rights).toContain("この法律上の規定が適用されます");
    expect(rights).toContain("期間は商品を受け取った日を1日目として数えます。");
    expect(rights).toContain("撤回の通知は期間内に販売者に届く必要があります。");
    expect(rights).toContain("特定商取引法");
  });
});

describe("locale negotiation", () => {
  test.each([
    ["de-DE", "de-DE", "Ihre gesetzlichen Rechte"],
    ["de-AT", "de-AT", "Ihre gesetzlichen Rechte"],
    ["de", "de", "Ihre gesetzlichen Rechte"],
    ["de_at", "de-AT", "Ihre gesetzlichen Rechte"],
    ["fr-CH, fr;q=0.9", "fr-CH", "Vos droits légaux"],
    ["pt-BR, es;q=0.8", "pt-BR", "Seus direitos legais"],
    ["pt", "pt-BR", "Seus direitos legais"],
    ["zh-Hans-CN", "zh-Hans-CN", "您的法定权利"],
    ["ar-EG", "ar-EG", "حقوقك القانونية"],
    ["he", "he", "הזכויות שלך לפי החוק"],
    ["ja", "ja", "法律上の権利（返品・クーリングオフ）"],
    ["tlh, xx", "en", "Your statutory rights"],
    ["zz", "en", "Your statutory rights"],
    ["", "en", "Your statutory rights"],
    ["not a locale!", "en", "Your statutory rights"],
  ])("%s → %s", (requested, used, title) => {
    const r = render("AT", null, requested, "EUR", null);
    expect(r.locale).toBe(used);
    expect(r.requestedLocale).toBe(requested);
    expect(r.sections[0]?.title).toBe(title);
  });

  test("every supported language renders the same sections with the same citations", () => {
    const policy = makePolicy({
      cancellation: { preset: "strict", tiers: [{ hoursBefore: 0, refundBasisPoints: 0 }] },
    });
    const all = SUPPORTED_LOCALES.map((l) => render("DE", null, l, "EUR", policy));
    for (const r of all) {
      expect(r.sections.map((s) => s.id)).toEqual(all[0]?.sections.map((s) => s.id));
      expect(r.sections.map((s) => s.citations)).toEqual(all[0]?.sections.map((s) => s.citations));
    }
  });
});
