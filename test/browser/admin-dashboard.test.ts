import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { checkPage, openAdmin, signInByKeyboard } from "../support/admin-browser.ts";
import { chromiumSkipNote, hasChromium, launchBrowser } from "../support/browser.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { STAFF_PASSWORD, staffAccount } from "../support/staff.ts";

/**
 * The managers' dashboard (issue 10 point 7) in Debian's Chromium: a manager opens it, reads the four
 * reports as charts and tables, breaks the return rate down by reason and downloads
 * a CSV; axe-core and a screenshot.
 */
describe.skipIf(!hasChromium)(`back-office dashboard in a real browser${chromiumSkipNote}`, () => {
  let h: Harness;
  let browser: Browser;
  let base = "";
  let manager = "";

  beforeAll(async () => {
    await ensureWebBuilt({ quiet: true });
    h = await startHarness("pglite", { now: "2026-03-05T10:00:00Z" });
    const m = await merchantWithKey(h.deps, "dash");
    const api = async (method: "PUT" | "POST", url: string, body: unknown) => {
      const r = await call(h.app, m.auth, method, url, body);
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      return r.body;
    };
    await api("PUT", "/api/v1/orders/D-1", orderJson());
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: "D-1",
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "wrong_size" }],
      requestedResolution: "refund",
    });
    const lineId = (c.lines as Json[])[0]?.id;
    const lines = [{ lineId, quantity: 2 }];
    for (const [hours, command, body] of [
      [2, "approve", {}],
      [30, "ship", { carrier: "DHL" }],
      [80, "receive", { lines }],
      [84, "inspect", { lines: lines.map((l) => ({ ...l, outcome: "accepted", condition: "good" })) }],
    ] as const) {
      h.clock.set(new Date(Date.parse("2026-03-05T10:00:00Z") + hours * 3_600_000));
      await api("POST", `/api/v1/returns/${c.id}/${command}`, body);
    }
    await api("POST", "/api/v1/returns", {
      orderExternalId: "D-1",
      lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "defective" }],
      requestedResolution: "refund",
    });
    h.clock.set("2026-03-24T12:00:00Z");
    manager = await staffAccount(h.deps, m.merchantId, "manager", "manager@example.com");
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("a manager reads return rates, refunds, processing times and deadlines at risk, and downloads a CSV", async () => {
    const page = await openAdmin(browser, base, "en", "/dashboard");
    await signInByKeyboard(page, manager, STAFF_PASSWORD);
    await page.getByRole("heading", { name: "Managers' dashboard", level: 1 }).waitFor();
    await page.locator("#period-from").fill("2026-03-01");
    await page.locator("#period-to").fill("2026-03-31");
    await page.getByRole("button", { name: "Show figures" }).press("Enter");
    const rates = page.locator("#rates-table");
    await rates.waitFor();
    expect(await rates.locator("tbody tr").allInnerTexts()).toEqual([
      "Linen tee (TEE-1)\t2\t2\t100%",
      "Cap (CAP-1)\t1\t1\t100%",
    ]);
    await page.locator("#refunds-table").getByText("€89.80").waitFor();
    await page.locator("#times-table").getByRole("rowheader", { name: "Request to approval" }).waitFor();
    expect(await page.locator("#times-table tbody tr").first().locator("th, td").allTextContents()).toEqual([
      "Request to approval",
      "1",
      "2 hours",
      "2 hours",
    ]);
    await page.locator("#risk-table").getByRole("cell", { name: "Missed", exact: true }).waitFor();
    await expect.poll(() => page.locator("canvas[role=img]").count()).toBe(4);

    await page.locator("#rates-by").selectOption("reason");
    await page.locator("#rates-table").getByRole("rowheader", { name: "Wrong size" }).waitFor();
    expect(new URL(page.url()).searchParams.get("by")).toBe("reason");
    await checkPage(page, "en-dashboard");

    const href = await page.getByRole("link", { name: "Download Refunds as CSV" }).getAttribute("href");
    const csv = await page.request.get(`${base}${href}`);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expect(await csv.text()).toBe(
      "currency,method,refunded_minor,refunded_count,in_progress_minor,in_progress_count\r\n" +
        "EUR,original_payment,8980,1,0,0\r\n",
    );
  });
});
