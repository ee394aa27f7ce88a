import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/app/merchants.ts";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { chromiumSkipNote, hasChromium, launchBrowser } from "../support/browser.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { disguisedExecutable, jpegWithExif } from "../support/images.ts";
import { expectAccessible, lookUpInBrowser, seedPortalDemo, shot } from "../support/portal-browser.ts";

/**
 * Shoppers' journeys through the returns portal in Debian's Chromium, against one real server:
 * each step screenshotted (test-artifacts/portal/), axe-core on the way, in an LTR and an RTL language.
 */
describe.skipIf(!hasChromium)(`returns portal journeys in a real browser${chromiumSkipNote}`, () => {
  let h: Harness;
  let browser: Browser;
  let base = "";
  beforeAll(async () => {
    await ensureWebBuilt({ quiet: true });
    h = await startHarness("pglite");
    await seedPortalDemo(h.deps);
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const open = async (lang: string, locale = lang): Promise<Page> => {
    // A context of its own per shopper (axe-core needs one; cookies stay apart).
    const context = await browser.newContext({ locale, viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/returns/demo?lang=${lang}`);
    await page.locator("h1").waitFor();
    return page;
  };

  it("a German shopper withdraws from the contract for one of two items, with the keyboard alone", async () => {
    const page = await open("de", "de-DE");
    await expectAccessible(page, "lookup (de)");
    await shot(page, "de-1-lookup");
    // Keyboard only: focus, type, Space and Enter.
    await page.locator("#orderNumber").focus();
    await page.keyboard.type("NW-PORTAL-DE1");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.type("lena.mueller@example.de");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Artikel für die Rücksendung auswählen" }).waitFor();
    await expect(page.getByText(/Gesetzliches Widerrufsrecht bis .* \(BGB § 356/).count()).resolves.toBe(2);
    await expectAccessible(page, "items (de)");
    await shot(page, "de-2-items");

    await page.getByRole("link", { name: "Vertrag widerrufen" }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("heading", { name: "Schritt 1 von 2: Artikel wählen und Ihre Angaben machen" })
      .waitFor();
    await page.locator("#pick-1").focus();
    await page.keyboard.press("Space");
    await page.locator("#w-name").focus();
    await page.keyboard.type("Lena Müller");
    await page.keyboard.press("Tab");
    await page.keyboard.type("lena.mueller@example.de");
    await expectAccessible(page, "withdrawal step 1 (de)");
    await shot(page, "de-3-withdraw-step1");
    await page.getByRole("button", { name: "Weiter" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Schritt 2 von 2: Widerruf bestätigen").waitFor();
    await expect(page.getByText("Merino wool hoodie").count()).resolves.toBe(1);
    await expect(page.getByText("Trail running shoes").count()).resolves.toBe(0);
    await shot(page, "de-4-withdraw-step2");
    await page.getByRole("button", { name: "Widerruf bestätigen" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Ihr Widerruf ist eingegangen" }).waitFor();
    await expect(page.getByText(/Eingegangen am 20\. März 2026 um 11:00:00/).count()).resolves.toBe(1);
    await expectAccessible(page, "withdrawal acknowledgement (de)");
    await shot(page, "de-5-acknowledgement");

    await page.getByRole("link", { name: "So senden Sie die Artikel zurück" }).click();
    await page.getByRole("heading", { name: /Rücksendung R-/ }).waitFor();
    await expect(page.getByText(/spätestens bis .* erstatten \(.*BGB/).count()).resolves.toBe(1);
    await expect(page.getByText("Celsiusweg 20").count()).resolves.toBe(1);
    await expectAccessible(page, "status (de)");
    await shot(page, "de-6-status");

    // The shop approves it; the shopper then gives the tracking number. A wrong one is named next to
    // the field and in the summary, which takes the focus.
    const caseId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const key = await createApiKey(h.deps, "demo", "browser test");
    if (!key.ok) throw new Error(key.error.code);
    const approved = await h.app.inject({
      method: "POST",
      url: `/api/v1/returns/${caseId}/approve`,
      headers: { authorization: `Bearer ${key.value.key}` },
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
    await page.reload();
    await page.locator("#tracking-number").fill("x!");
    await page.getByRole("button", { name: "Sendungsnummer speichern" }).click();
    const summary = page.locator(".error-summary");
    await summary.getByText("Bei Ihren Angaben gibt es 1 Problem").waitFor();
    await expect(page.locator(".error-summary:focus").count()).resolves.toBe(1);
    expect(await page.locator("#tracking-number").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "tracking number refused (de)");
    await shot(page, "de-7-tracking-refused");
    await summary.getByRole("link").click();
    await expect(page.locator("#tracking-number:focus").count()).resolves.toBe(1);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("00340434161094042557");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Sendungsnummer 00340434161094042557 gespeichert.").waitFor();
    await expect(summary.count()).resolves.toBe(0);
    await page.context().close();
  });

  it("shows the policy with the shopper's statutory rights, left to right and right to left", async () => {
    const page = await open("de", "de-DE");
    await page.goto(`${base}/returns/demo/policy?country=DE&lang=de`);
    await page.getByRole("heading", { level: 1, name: "Rückgaberichtlinie und Ihre Rechte" }).waitFor();
    const article = page.locator("article");
    await article.locator("h2").first().waitFor();
    expect(await article.getAttribute("lang")).toBe("de");
    expect(await article.textContent()).toMatch(/BGB/);
    await expectAccessible(page, "policy (de)");
    await shot(page, "policy-1-de");
    // Another country by keyboard: the page follows, with that country's law.
    await page.locator("#policy-country").selectOption("JP");
    await page.locator("#policy-country").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/country=JP/);
    await expect.poll(async () => (await article.textContent()) ?? "").not.toMatch(/BGB/);
    await article.locator("h2").first().waitFor();

    const he = await open("he");
    await he.goto(`${base}/returns/demo/policy?country=IL&lang=he`);
    await he.getByRole("heading", { level: 1, name: "מדיניות החזרה והזכויות שלך" }).waitFor();
    await he.locator("article h2").first().waitFor();
    expect(await he.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await he.locator("article").getAttribute("lang")).toBe("he");
    await expectAccessible(he, "policy (he, rtl)");
    await shot(he, "policy-2-he");
    await page.context().close();
    await he.context().close();
  });

  it("a Japanese shopper exchanges a tee for a dearer size and sees the difference to pay", async () => {
    const page = await open("ja", "ja-JP");
    await lookUpInBrowser(page, "NW-PORTAL-JP1", "email", "hanako.sato@example.jp");
    await page.getByRole("heading", { name: "返品する商品を選択" }).waitFor();
    await page.locator("#select-1").check();
    await page.locator("#reason-1").selectOption("wrong_size");
    await shot(page, "ja-1-items");
    await page.getByRole("button", { name: "次へ" }).click();
    await page.getByRole("heading", { name: "返品内容の確認" }).waitFor();
    await page.locator("#res-exchange").check();
    await page.locator("#variant-NW-TEE-ORG-XL").check();
    const pay = page.locator("tfoot tr", { hasText: "差額のお支払い" });
    await pay.waitFor();
    expect(await pay.textContent()).toMatch(/￥|¥/);
    await expectAccessible(page, "review with exchange (ja)");
    await shot(page, "ja-2-exchange-cost");
    await page.getByRole("button", { name: "返品を申し込む" }).click();
    await page.getByText("ありがとうございます。返品を受け付けました。").waitFor();
    await shot(page, "ja-3-status");
    await page.context().close();
  });

  it("an Arabic shopper (right to left) returns for store credit with its bonus", async () => {
    const page = await open("ar");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await expectAccessible(page, "lookup (ar, rtl)");
    await lookUpInBrowser(page, "NW-PORTAL-AR1", "email", "layla.haddad@example.de");
    await page.getByRole("heading", { name: "اختر المنتجات التي تريد إرجاعها" }).waitFor();
    // The EU withdrawal function, right to left too; then back to the ordinary return.
    await page.getByRole("link", { name: "العدول عن العقد" }).click();
    await page.getByRole("heading", { level: 1, name: "العدول عن العقد" }).waitFor();
    await expectAccessible(page, "withdrawal step 1 (ar, rtl)");
    await shot(page, "ar-0-withdraw");
    await page.goBack();
    await page.getByRole("heading", { name: "اختر المنتجات التي تريد إرجاعها" }).waitFor();
    await page.locator("#select-1").check();
    await page.locator("#reason-1").selectOption("changed_mind");
    await expectAccessible(page, "items (ar, rtl)");
    await shot(page, "ar-1-items");
    await page.getByRole("button", { name: "متابعة" }).click();
    await page.locator("#res-store_credit").check();
    await page.getByText("مكافأة الرصيد").waitFor();
    await page.getByText(/يشمل مكافأة قدرها/).waitFor();
    await expectAccessible(page, "review (ar, rtl)");
    await shot(page, "ar-2-store-credit");
    await page.getByRole("button", { name: "إرسال طلب الإرجاع" }).click();
    await page.getByText("شكرًا لك — تم تسجيل طلب الإرجاع.").waitFor();
    await expectAccessible(page, "status (ar, rtl)");
    await shot(page, "ar-3-status");
    await page.context().close();
  });

  it("a gift recipient returns without seeing prices; the store credit goes to them", async () => {
    const page = await open("en", "en-GB");
    await lookUpInBrowser(page, "NW-PORTAL-GIFT", "giftCode", "nw-gift-7q4k");
    await page.getByRole("heading", { name: "Choose the items to return" }).waitFor();
    await page.getByText(/This order was a gift/).waitFor();
    expect(await page.locator("main").textContent()).not.toMatch(/€|EUR/);
    await page.locator("#select-1").check();
    await page.locator("#reason-1").selectOption("no_longer_needed");
    await shot(page, "gift-1-items");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.locator("#gift-email").fill("friend@example.org");
    await page
      .getByText(/store credit for the value of the returned items, sent to friend@example.org/)
      .waitFor();
    expect(await page.locator("main").textContent()).not.toMatch(/€|EUR/);
    await expectAccessible(page, "gift review");
    await shot(page, "gift-2-review");
    await page.getByRole("button", { name: "Submit return" }).click();
    await page.getByText("Thank you — your return is registered.").waitFor();
    await shot(page, "gift-3-status");
    await page.context().close();
  });

  it("refuses a late return and says why, with the statute", async () => {
    const page = await open("en");
    await lookUpInBrowser(page, "NW-PORTAL-LATE", "postalCode", "50667");
    await page.getByRole("heading", { name: "Choose the items to return" }).waitFor();
    await page.getByText(/Withdrawal period ended on .* — BGB § 356/).waitFor();
    await page.getByText(/The shop's return period ended on/).waitFor();
    await page.locator("#select-1").check();
    await page.locator("#reason-1").selectOption("changed_mind");
    await page.getByRole("button", { name: "Continue" }).click();
    await page
      .locator(".error-summary")
      .getByText("“Waterproof rain jacket” cannot be returned for this reason")
      .waitFor();
    await expectAccessible(page, "refused late return");
    await shot(page, "late-1-refused");
    await page.context().close();
  });

  it("refuses an executable disguised as a photo, and takes a real one without its EXIF", async () => {
    const page = await open("de");
    await lookUpInBrowser(page, "NW-PORTAL-DE1", "email", "lena.mueller@example.de");
    await page.locator("#select-2").check();
    await page.locator("#reason-2").selectOption("defective");
    const input = page.locator("#photo-2");
    await input.setInputFiles({ name: "foto.jpg", mimeType: "image/jpeg", buffer: disguisedExecutable() });
    await page.getByText("Diese Datei ist kein JPEG-, PNG- oder WebP-Bild.").waitFor();
    await shot(page, "upload-1-refused");
    await input.setInputFiles({ name: "naht.jpg", mimeType: "image/jpeg", buffer: jpegWithExif() });
    await page.getByText("1 Foto hinzugefügt").waitFor();
    await expectAccessible(page, "items with photo upload (de)");
    await shot(page, "upload-2-accepted");
    await page.context().close();
  });

  it("blocks ten wrong lookups in a row", async () => {
    const page = await open("en");
    for (let i = 0; i < 10; i++) {
      await lookUpInBrowser(page, `NW-${900000 + i}`, "postalCode", "99999");
      await page.getByText("We could not find an order with these details.").waitFor();
    }
    await lookUpInBrowser(page, "NW-PORTAL-DE1", "email", "lena.mueller@example.de");
    await page.getByText(/Too many attempts. Please try again in 1[0-5] minutes./).waitFor();
    await expectAccessible(page, "blocked lookup");
    await shot(page, "bruteforce-1-blocked");
    await page.context().close();
  });
});
