import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMerchant } from "../../src/app/merchants.ts";
import { totpAt } from "../../src/app/staff/totp.ts";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { checkPage, openAdmin, signInByKeyboard } from "../support/admin-browser.ts";
import { chromiumSkipNote, hasChromium, launchBrowser } from "../support/browser.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { STAFF_PASSWORD, staffAccount } from "../support/staff.ts";

/**
 * The back office's account pages in Debian's Chromium against one real server, by keyboard, with
 * axe-core and screenshots (test-artifacts/admin/), in a left-to-right and a right-to-left language.
 */
describe.skipIf(!hasChromium)(`back-office accounts in a real browser${chromiumSkipNote}`, () => {
  let h: Harness;
  let browser: Browser;
  let base = "";
  let owner = "";
  let merchantId = "";
  beforeAll(async () => {
    await ensureWebBuilt({ quiet: true });
    h = await startHarness("pglite");
    const m = await createMerchant(h.deps, { slug: "demo", name: "Northwind Apparel & Goods" });
    if (!m.ok) throw new Error("no merchant");
    merchantId = m.value.id;
    owner = await staffAccount(h.deps, merchantId, "owner", "owner@example.com");
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("an owner signs in by keyboard, invites a warehouse colleague, who accepts in Arabic (right to left)", async () => {
    const page = await openAdmin(browser, base, "en");
    await checkPage(page, "en-1-sign-in");
    await signInByKeyboard(page, owner, "not the password");
    await page.getByText("The e-mail address, password or code is not right.").waitFor();
    await checkPage(page, "en-2-sign-in-refused");
    await signInByKeyboard(page, owner, STAFF_PASSWORD);
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await expect(page.getByText("Create and revoke API keys").count()).resolves.toBe(1);
    await checkPage(page, "en-3-overview");

    await page.getByRole("link", { name: "Team" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Team", level: 1 }).waitFor();
    await page.locator("#invite-email").focus();
    await page.keyboard.type("wim@example.com");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByText(/Invitation for wim@example.com created/).waitFor();
    await page.locator("#invite-role").selectOption("warehouse");
    await page.locator("#invite-email").fill("sam@example.com");
    await page.locator("#invite-email").press("Enter");
    await page.getByText(/Invitation for sam@example.com created/).waitFor();
    const link = (await page.locator("#invite-link").textContent()) ?? "";
    expect(link).toMatch(/\/admin\/invitations\/[A-Za-z0-9_-]{40,}$/);
    const samCell = page.getByRole("cell", { name: "sam@example.com", exact: true });
    await samCell.waitFor(); // the list reloads after the confirmation shows
    await expect(samCell.count()).resolves.toBe(1);
    await checkPage(page, "en-4-team-invited");

    const invitee = await browser.newContext({ locale: "ar", viewport: { width: 1200, height: 900 } });
    const p2 = await invitee.newPage();
    await p2.goto(`${link}?lang=ar`);
    await p2.getByRole("heading", { name: "الانضمام إلى لوحة الإدارة" }).waitFor();
    expect(await p2.locator("html").getAttribute("dir")).toBe("rtl");
    await checkPage(p2, "ar-1-accept-invitation");
    await p2.locator("#invite-name").focus();
    await p2.keyboard.type("سام");
    await p2.keyboard.press("Tab");
    await p2.keyboard.type("short");
    await p2.keyboard.press("Enter");
    await p2.getByText("استخدم 12 حرفًا على الأقل").first().waitFor();
    await checkPage(p2, "ar-2-accept-errors");
    await p2.locator("#invite-password").fill("a long enough password");
    await p2.locator("#invite-repeat").fill("a long enough password");
    await p2.locator("#invite-repeat").press("Enter");
    await p2.getByRole("heading", { name: "نظرة عامة" }).waitFor();
    await expect(p2.getByText("استلام الطرود وفحصها").count()).resolves.toBe(1);
    await expect(p2.getByRole("link", { name: "الفريق" }).count()).resolves.toBe(0);
    await checkPage(p2, "ar-3-overview-warehouse");
  });

  it("turns on two-step sign-in in Hebrew and then needs the code to sign in", async () => {
    const page = await openAdmin(browser, base, "he");
    await signInByKeyboard(page, owner, STAFF_PASSWORD);
    await page.getByRole("heading", { name: "סקירה" }).waitFor();
    await page.getByRole("link", { name: "אבטחת כניסה" }).click();
    await page.getByRole("button", { name: "הגדרת כניסה בשני שלבים" }).focus();
    await page.keyboard.press("Enter");
    const secret = ((await page.locator("#totp-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(page.locator("img[src^='data:image/png']").count()).resolves.toBe(1);
    await checkPage(page, "he-1-totp-setup");
    await page.locator("#totp-code").fill(totpAt(secret, h.clock.now()));
    await page.locator("#totp-code").press("Enter");
    await page.getByText("הכניסה בשני שלבים פעילה.").waitFor();
    await checkPage(page, "he-2-totp-on");
    await page.getByRole("button", { name: "יציאה" }).click();
    await page.getByRole("heading", { name: "כניסה", exact: true }).waitFor();
    await signInByKeyboard(page, owner, STAFF_PASSWORD);
    await page.locator("#sign-in-code").waitFor();
    await checkPage(page, "he-3-sign-in-code");
    await page.locator("#sign-in-code").fill(totpAt(secret, h.clock.now()));
    await page.locator("#sign-in-code").press("Enter");
    await page.getByRole("heading", { name: "סקירה" }).waitFor();
    // Leave the owner as it was for the other journeys.
    await page.getByRole("link", { name: "אבטחת כניסה" }).click();
    await page.locator("#totp-code").fill(totpAt(secret, h.clock.now()));
    await page.locator("#totp-code").press("Enter");
    await page.getByText("הכניסה בשני שלבים כבויה.").waitFor();
  });

  it("an owner creates an API key (shown once) and revokes it", async () => {
    // Its own owner: this journey does not depend on how the two-step one left the first.
    const keeper = await staffAccount(h.deps, merchantId, "owner", "keys@example.com");
    const page = await openAdmin(browser, base, "en");
    await signInByKeyboard(page, keeper, STAFF_PASSWORD);
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await page.getByRole("link", { name: "API keys" }).click();
    await page.locator("#key-name").fill("Shop integration");
    await page.locator("#key-name").press("Enter");
    const key = ((await page.locator("#new-key").textContent()) ?? "").trim();
    expect(key).toMatch(/^cb_live_/);
    const r = await fetch(`${base}/api/v1/returns`, { headers: { authorization: `Bearer ${key}` } });
    expect(r.status).toBe(200);
    await checkPage(page, "en-5-api-key-created");
    await page.getByRole("button", { name: "Revoke Shop integration" }).click();
    await page.getByRole("cell", { name: "Revoked" }).waitFor();
    const after = await fetch(`${base}/api/v1/returns`, { headers: { authorization: `Bearer ${key}` } });
    expect(after.status).toBe(401);
  });
});
