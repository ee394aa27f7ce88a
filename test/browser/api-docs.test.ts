import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumSkipNote, hasChromium, launchBrowser } from "../support/browser.ts";
import { call, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

describe.skipIf(!hasChromium)(`API docs page in a real browser${chromiumSkipNote}`, () => {
  let h: Harness;
  let browser: Browser;
  let base: string;
  let auth: string;
  beforeAll(async () => {
    h = await startHarness("pglite");
    auth = (await merchantWithKey(h.deps, "acme")).auth;
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-1", orderJson())).status).toBe(201);
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("lists the endpoints and runs a request with the API key", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/api/docs/`);
    await page.getByText("Crossback API").first().waitFor();
    // Every tag of the ~140 operations is listed (folded: a fully unfolded page of that size
    // stopped rendering after the first tag in Chromium 156); unfold "returns".
    const spec = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    const tags = new Set(
      Object.values(spec.paths).flatMap((p) => Object.values(p).flatMap((o) => o.tags ?? [])),
    );
    await page.locator("#operations-tag-returns").waitFor();
    const shown = await page
      .locator("h3.opblock-tag")
      .evaluateAll((hs) => hs.map((x) => x.getAttribute("data-tag")));
    expect(new Set(shown)).toEqual(tags);
    await page.locator("#operations-tag-returns").click();
    const create = page.locator(".opblock-post", { hasText: "/api/v1/returns" }).first();
    await create.waitFor({ state: "visible" });

    await page
      .getByRole("button", { name: /Authorize/ })
      .first()
      .click();
    await page.locator(".modal-ux input").first().fill(auth.replace("Bearer ", ""));
    await page.locator(".modal-ux button.authorize").first().click();
    await page.locator(".modal-ux button.btn-done").first().click();

    const list = page.locator(".opblock-get", { hasText: "The returns queue" }).first();
    await list.locator(".opblock-summary").click();
    await list.getByRole("button", { name: "Try it out" }).click();
    await list.getByRole("button", { name: "Execute" }).click();
    const status = list.locator(".live-responses-table tbody .response-col_status").first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe("200");
    await page.close();
  });
});
