import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { checkPage, openAdmin, signInByKeyboard } from "../support/admin-browser.ts";
import { chromiumSkipNote, hasChromium, launchBrowser } from "../support/browser.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { STAFF_PASSWORD, staffAccount } from "../support/staff.ts";

/**
 * The returns queue and case view (issue 10 point 3) in Debian's Chromium: an agent filters the queue,
 * bulk-approves by keyboard, works a case to a refund with an override and a note; a marketplace
 * vendor sees only its cases and approves one (issue 10 point 6); axe-core on every page, screenshots
 * in test-artifacts/admin/, and the queue right to left.
 */
describe.skipIf(!hasChromium)(`back-office returns in a real browser${chromiumSkipNote}`, () => {
  let h: Harness;
  let browser: Browser;
  let base = "";
  let agent = "";
  let auth = "";
  let merchantId = "";
  const cases: Record<string, string> = {};
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);

  async function returnOf(id: string, country: string, reason: string, quantity = 1) {
    const order = orderJson({
      customer: { email: `${id.toLowerCase()}@example.com`, locale: "de-DE", timeZone: "Europe/Berlin" },
      shippingAddress: { country, region: null, postalCode: "1000", city: "X", line1: "Street 1" },
    });
    expect((await api("PUT", `/api/v1/orders/${id}`, order)).status).toBe(201);
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity, reason }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    cases[id] = c.body.id as string;
    return c.body as Json;
  }

  beforeAll(async () => {
    await ensureWebBuilt({ quiet: true });
    h = await startHarness("pglite");
    const m = await merchantWithKey(h.deps, "demo", {
      policy: { ...GENEROUS_POLICY, refundTrigger: "approval" },
    });
    auth = m.auth;
    merchantId = m.merchantId;
    expect(
      (await api("PUT", "/api/v1/settings", { autoRefund: false, goodwillMax: { EUR: "10.00" } })).status,
    ).toBe(200);
    agent = await staffAccount(h.deps, m.merchantId, "agent", "agent@example.com");
    await returnOf("DE-1", "DE", "changed_mind", 2);
    await returnOf("FR-1", "FR", "wrong_size");
    await returnOf("FR-2", "FR", "defective");
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("an agent filters the queue, saves the view and bulk-approves by keyboard", async () => {
    const page = await openAdmin(browser, base, "en", "/returns");
    await signInByKeyboard(page, agent, STAFF_PASSWORD);
    await page.getByRole("heading", { name: "Returns", level: 1 }).waitFor();
    await page.locator("table.queue a.case-link").first().waitFor();
    await expect.poll(() => page.locator("table.queue tbody tr").count()).toBe(3);
    await checkPage(page, "en-returns-1-queue");

    await page.keyboard.press("/");
    await expect(page.locator("#filter-status:focus").count()).resolves.toBe(1);
    await page.locator("#filter-market").fill("fr");
    await page.locator("#filter-market").press("Enter");
    await page.waitForURL(/market=FR/);
    await expect.poll(() => page.locator("table.queue tbody tr").count()).toBe(2);
    await page.locator("#view-name").fill("France");
    await page.getByRole("button", { name: "Save current filters" }).click();
    await page.getByRole("link", { name: "France" }).waitFor();

    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await page.getByRole("heading", { name: "2 returns selected" }).waitFor();
    await page.getByRole("button", { name: "Reject 2 returns" }).click();
    await page.locator(".error-summary").getByText("Enter the reason for rejecting these returns").waitFor();
    await checkPage(page, "en-returns-2-bulk-reason-missing");
    await page.getByRole("button", { name: "Approve 2 returns" }).click();
    await page.getByText("2 returns done, none refused.").waitFor();
    for (const id of ["FR-1", "FR-2"]) {
      expect((await api("GET", `/api/v1/returns/${cases[id]}`)).body.status).toBe("awaiting_shipment");
      const events = (await api("GET", `/api/v1/returns/${cases[id]}/events`)).body.items as Json[];
      expect((events[events.length - 1] as Json).actor).toMatchObject({ kind: "staff" });
    }
    expect((await api("GET", `/api/v1/returns/${cases["DE-1"]}`)).body.status).toBe("requested");
    await checkPage(page, "en-returns-3-bulk-approved");
  });

  it("an agent works a case from the queue to a refund, with an override and a note", async () => {
    const page = await openAdmin(browser, base, "en", "/returns");
    await signInByKeyboard(page, agent, STAFF_PASSWORD);
    await page.locator("#filter-status").selectOption("requested,needs_review");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/status=requested%2Cneeds_review/);
    await expect.poll(() => page.locator("table.queue tbody tr").count()).toBe(1);
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /^Return R-/, level: 1 }).waitFor();
    await page.getByRole("cell", { name: "Statutory withdrawal" }).first().waitFor();
    await checkPage(page, "en-case-1-requested");

    const qty = page.locator("input[type=number]").first();
    await qty.fill("1");
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await page
      .locator(".error-summary")
      .getByText(/override: enter the reason/)
      .waitFor();
    await checkPage(page, "en-case-2-override-needs-reason");
    await page.locator("#case-reason").fill("One tee was worn: goodwill for the other");
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await page.locator(".case-facts").getByText("Waiting to be sent").waitFor();
    const c = (await api("GET", `/api/v1/returns/${cases["DE-1"]}`)).body;
    expect((c.lines as Json[])[0]?.quantities).toMatchObject({ approved: 1, rejected: 1 });

    await page.locator("#goodwill").fill("5.00");
    await page.getByRole("button", { name: "Preview the refund" }).click();
    await page.getByRole("cell", { name: "Goodwill" }).waitFor();
    const preview = await api("POST", `/api/v1/returns/${cases["DE-1"]}/refund-preview`, {
      goodwill: { amount: "5.00", currency: "EUR" },
    });
    const total = new Intl.NumberFormat("en", { style: "currency", currency: "EUR" }).format(
      Number((preview.body.calculation as Json).total),
    );
    await checkPage(page, "en-case-3-refund-preview");
    await page.getByRole("button", { name: `Refund ${total} now` }).click();
    await page.getByText(`Refund of ${total} issued.`).waitFor();
    await page.getByRole("cell", { name: "Original payment" }).first().waitFor();
    const refunds = (await api("GET", `/api/v1/returns/${cases["DE-1"]}/refunds`)).body.items as Json[];
    expect(refunds.map((r) => r.total)).toEqual([(preview.body.calculation as Json).total]);

    await page.locator("#note-text").fill("Shopper called: refund confirmed by phone.");
    await page.getByRole("button", { name: "Add note" }).click();
    await page.locator(".timeline .note").getByText("Shopper called: refund confirmed by phone.").waitFor();
    await expect(page.locator(".timeline").getByText("Refund issued").count()).resolves.toBe(1);
    await checkPage(page, "en-case-4-refunded-with-note");
  });

  it("the queue and a case read right to left in Arabic and Hebrew", async () => {
    for (const lang of ["ar", "he"]) {
      const page = await openAdmin(browser, base, lang, "/returns");
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      await signInByKeyboard(page, agent, STAFF_PASSWORD);
      await page.locator("table.queue a.case-link").first().waitFor();
      await checkPage(page, `${lang}-returns-queue`);
      await page.locator("table.queue a.case-link").first().click();
      await page.locator(".case-facts").waitFor();
      await page.locator(".timeline li").first().waitFor();
      await checkPage(page, `${lang}-case`);
    }
  });

  it("a vendor sees only its own cases, opens one and approves it", async () => {
    for (const [sku, vendor] of [
      ["KY-MUG", "kyoto-ceramics"],
      ["OS-VASE", "osaka-glass"],
    ])
      expect((await api("PUT", `/api/v1/products/${sku}`, { title: sku, vendor })).status).toBeLessThan(300);
    const base0 = orderJson();
    const lines = (base0.lines as Json[]).map((l) => ({
      ...l,
      sku: l.externalId === "L1" ? "KY-MUG" : "OS-VASE",
    }));
    expect((await api("PUT", "/api/v1/orders/JP-1", { ...base0, lines })).status).toBe(201);
    const open = async (line: string) => {
      const r = await api("POST", "/api/v1/returns", {
        orderExternalId: "JP-1",
        lines: [{ orderLineExternalId: line, quantity: 1, reason: "defective" }],
        requestedResolution: "refund",
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body as Json;
    };
    const own = await open("L1");
    const other = await open("L2");
    const vendor = await staffAccount(h.deps, merchantId, "vendor", "vendor@example.com");

    const page = await openAdmin(browser, base, "en", "/returns");
    await signInByKeyboard(page, vendor, STAFF_PASSWORD);
    await page.getByRole("heading", { name: "Your cases", level: 1 }).waitFor();
    await expect.poll(() => page.locator("table.queue tbody tr").count()).toBe(1);
    await page.locator("table.queue").getByText(String(own.number)).waitFor();
    expect(await page.locator("#filter-vendor").count()).toBe(0);
    const nav = await page.getByRole("navigation").getByRole("link").allTextContents();
    expect(nav).toEqual(["Home", "Returns", "Dashboard", "My return policy", "Sign-in security"]);
    await checkPage(page, "en-vendor-1-your-cases");

    await page.locator("table.queue a.case-link").first().click();
    await page.getByRole("heading", { name: `Return ${own.number}`, level: 1 }).waitFor();
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await page.locator(".case-facts").getByText("Waiting to be sent").waitFor();
    const events = (await api("GET", `/api/v1/returns/${own.id}/events`)).body.items as Json[];
    expect((events[events.length - 1] as Json).actor).toMatchObject({ kind: "staff", name: "vendor person" });
    await checkPage(page, "en-vendor-2-case-approved");

    await page.goto(`${base}/admin/returns/${other.id}`);
    await page.getByRole("alert").waitFor();
    expect(await page.locator(".case-facts").count()).toBe(0);
  });
});
