import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { chromiumSkipNote, hasChromium, launchBrowser } from "../support/browser.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { expectAccessible, lookUpInBrowser, seedPortalDemo, shot } from "../support/portal-browser.ts";

/**
 * A shopper returns the demo's two-vendor order (NW-PORTAL-MKT) in Debian's Chromium: the review says
 * the return splits per seller, and the status page shows both cases (issue 10 point 6).
 */
describe.skipIf(!hasChromium)(`portal: a return split by marketplace vendor${chromiumSkipNote}`, () => {
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

  it("returns items of two vendors and sees one case per vendor, each with its own address", async () => {
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/returns/demo?lang=en`);
    await page.locator("h1").waitFor();
    await lookUpInBrowser(page, "NW-PORTAL-MKT", "email", "clara.schneider@example.de");
    await page.getByRole("heading", { name: "Choose the items to return" }).waitFor();
    for (const i of [1, 2]) {
      await page.locator(`#select-${i}`).check();
      await page.locator(`#reason-${i}`).selectOption("changed_mind");
    }
    await expectAccessible(page, "items (two vendors)");
    await shot(page, "mkt-1-items");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("2 sellers, 2 returns").waitFor();
    await page.getByText(/^Kyoto Ceramics Studio: /).waitFor();
    await expectAccessible(page, "review split (two vendors)");
    await shot(page, "mkt-2-review-split");
    await page.getByRole("button", { name: "Submit return" }).click();
    await page.getByText("2 returns, one per seller").waitFor();
    await expect(page.getByText(/Kyoto Ceramics Studio — return R-/).count()).resolves.toBe(1);
    await expect(page.getByText(/Alpine Outfitters.* — return R-/).count()).resolves.toBe(1);
    // Each seller's own return address.
    await expect(page.getByText("605-0846 Kyoto").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText("6020 Innsbruck").count()).resolves.toBe(1);
    await expectAccessible(page, "status with the group (two vendors)");
    await shot(page, "mkt-3-status-group");
    // The other case, from the link: the same group, the other seller's page.
    const current = page.url();
    await page
      .getByRole("link", { name: /View return R-/ })
      .first()
      .click();
    await expect.poll(() => page.url()).not.toBe(current);
    await page.getByText("2 returns, one per seller").waitFor();
    await shot(page, "mkt-4-other-case");
    await context.close();
  });
});
