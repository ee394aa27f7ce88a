import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { checkPage, openAdmin, signInByKeyboard } from "../support/admin-browser.ts";
import { chromiumSkipNote, hasChromium, launchBrowser } from "../support/browser.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import {
  ARTIFACTS,
  expectAccessible,
  lookUpInBrowser,
  seedPortalDemo,
  shot,
} from "../support/portal-browser.ts";
import { STAFF_PASSWORD, staffAccount } from "../support/staff.ts";

/**
 * The returns assistant in Debian's Chromium: asked with the keyboard alone, answers announced in a
 * live region with their sources, in German and in Arabic (right to left), a hand-over included.
 */
describe.skipIf(!hasChromium)(`returns assistant in a real browser${chromiumSkipNote}`, () => {
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

  const itemsPage = async (lang: string, order: string, email: string, heading: string): Promise<Page> => {
    const context = await browser.newContext({ locale: lang, viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/returns/demo?lang=${lang}`);
    await page.locator("h1").waitFor();
    await lookUpInBrowser(page, order, "email", email);
    await page.getByRole("heading", { name: heading }).waitFor();
    return page;
  };

  it("a German shopper asks with the keyboard and reads the answer with its legal source", async () => {
    const page = await itemsPage(
      "de",
      "NW-PORTAL-DE1",
      "lena.mueller@example.de",
      "Artikel für die Rücksendung auswählen",
    );
    const log = page.getByRole("log");
    await expect(log.getAttribute("aria-live")).resolves.toBe("polite");
    await page.locator("#assistant-question").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Gib deine Frage ein.").count()).resolves.toBe(1);
    await page.keyboard.type("Kann ich das noch zurückgeben?");
    await page.keyboard.press("Enter");
    await log.getByText(/letzter Tag ist der/).waitFor();
    const summary = log.locator("summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    await log
      .getByText(/Quelle: .*BGB/)
      .first()
      .waitFor();
    await expectAccessible(page, "assistant (de)");
    await page.locator(".assistant").screenshot({ path: join(ARTIFACTS, "assistant-de-panel.png") });
    await shot(page, "assistant-de-items");
  });

  it("an Arabic shopper (right to left) uses a suggestion, then is handed over to a colleague", async () => {
    const page = await itemsPage(
      "ar",
      "NW-PORTAL-AR1",
      "layla.haddad@example.de",
      "اختر المنتجات التي تريد إرجاعها",
    );
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    const log = page.getByRole("log");
    await page.getByRole("button", { name: "أين مرتجعي؟" }).focus();
    await page.keyboard.press("Enter");
    await log.getByText("لم تبدأ بعد أي إرجاع لهذا الطلب.").waitFor();

    await page.locator("#assistant-question").fill("ما هو لون السماء؟");
    await page.keyboard.press("Enter");
    await log.getByText("سيرد عليك زميل بالبريد الإلكتروني.").waitFor();
    // Right to left: the shopper's own question sits at the start edge's opposite, on the left.
    const q = await log.locator(".assistant-question").first().boundingBox();
    const box = await log.boundingBox();
    expect(q && box && q.x + q.width / 2 < box.x + box.width / 2).toBe(true);
    await expectAccessible(page, "assistant (ar)");
    await page.locator(".assistant").screenshot({ path: join(ARTIFACTS, "assistant-ar-panel.png") });

    const merchant = await h.deps.store.read.merchants.bySlug("demo");
    const notices = await h.deps.store.read.notices.list(merchant?.id ?? "", 10);
    expect(notices.filter((n) => n.kind === "assistant.handover").map((n) => n.data.orderExternalId)).toEqual(
      ["NW-PORTAL-AR1"],
    );

    // An agent finds the question on the back office's overview, to answer it by e-mail.
    const email = await staffAccount(h.deps, merchant?.id ?? "", "agent", "agent@example.com");
    const admin = await openAdmin(browser, base, "en");
    await signInByKeyboard(admin, email, STAFF_PASSWORD);
    const handovers = admin.getByRole("region", { name: "Questions handed over by the returns assistant" });
    await handovers.getByText("Order NW-PORTAL-AR1", { exact: true }).waitFor();
    await handovers.getByText(/Question: "\u2068ما هو لون السماء؟\u2069"/).waitFor();
    await checkPage(admin, "assistant-handover-overview");
  });
});
