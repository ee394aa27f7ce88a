import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { checkPage, openAdmin, signInByKeyboard } from "../support/admin-browser.ts";
import { chromiumSkipNote, hasChromium, launchBrowser } from "../support/browser.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { STAFF_PASSWORD, staffAccount } from "../support/staff.ts";

/**
 * The policy editor (issue 10 point 4) in Debian's Chromium: a manager edits a policy as a form, a
 * statutory warning appears as they type, a sample order is judged with the draft, the saved versions
 * are compared, and the rendered page is read; axe-core and screenshots, left to right and right to left.
 */
describe.skipIf(!hasChromium)(`back-office policy editor in a real browser${chromiumSkipNote}`, () => {
  let h: Harness;
  let browser: Browser;
  let base = "";
  let manager = "";
  let auth = "";

  beforeAll(async () => {
    await ensureWebBuilt({ quiet: true });
    h = await startHarness("pglite");
    const m = await merchantWithKey(h.deps, "demo", {
      policy: { name: "Europe", scope: { countries: ["DE", "FR"] }, window: { days: 60 } },
    });
    auth = m.auth;
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/P-1", orderJson())).status).toBe(201);
    manager = await staffAccount(h.deps, m.merchantId, "manager", "manager@example.com");
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("a manager shortens the window, sees the statutory warning appear, tries an order, saves and compares", async () => {
    const page = await openAdmin(browser, base, "en", "/policies");
    await signInByKeyboard(page, manager, STAFF_PASSWORD);
    await page.getByRole("heading", { name: "Return policies", level: 1 }).waitFor();
    await checkPage(page, "en-policies-1-list");
    await page.getByRole("link", { name: "Europe" }).click();
    await page.getByRole("heading", { name: "Policy default", level: 1 }).waitFor();
    await page
      .getByText("No statutory warning: these terms meet the law of every covered country.")
      .waitFor();

    await page.locator("#policy-days").fill("7");
    const warning = page.locator("#policy-warnings li").filter({ hasText: "DE" }).first();
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/BGB/);
    await checkPage(page, "en-policies-2-warning-appears");

    await page.locator("#policy-days").fill("");
    await page.locator("#policy-days-error").waitFor();
    await page.locator("#policy-days").fill("30");
    await page
      .getByText("No statutory warning: these terms meet the law of every covered country.")
      .waitFor();
    await page.locator("#sample-order").fill("P-1");
    await page
      .locator(".sample-decision")
      .getByText(/Handled under/)
      .waitFor();
    await checkPage(page, "en-policies-3-sample-decision");

    await page.getByRole("button", { name: "Save as a new version" }).click();
    await page.getByText(/^Version 2 saved/).waitFor();
    const saved = await call(h.app, auth, "GET", "/api/v1/policies/default");
    expect((saved.body.window as Json).days).toBe(30);
    await page.locator("table.diff").getByText("window.days").waitFor();
    expect(await page.locator("table.diff").textContent()).toMatch(/60.*30/);
    await page.locator("#rendered-country").fill("FR");
    await page.locator("#rendered-locale").selectOption("fr");
    await page.locator(".rendered-policy[lang^=fr] h3").first().waitFor();
    await checkPage(page, "en-policies-4-saved-diff-rendered");
  });

  it("reads right to left in Hebrew", async () => {
    const page = await openAdmin(browser, base, "he", "/policies/default");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await signInByKeyboard(page, manager, STAFF_PASSWORD);
    await page.locator("#policy-days").waitFor();
    await page.locator("#policy-days").fill("5");
    await page.locator("#policy-warnings li").first().waitFor();
    await checkPage(page, "he-policy-editor");
  });
});
