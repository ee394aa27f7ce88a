import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { seedCatalog } from "../../src/app/demo/demo-catalog.ts";
import { setUpDemoMerchant } from "../../src/app/demo/demo-merchant.ts";
import { seedPolicies } from "../../src/app/demo/demo-policies.ts";
import { seedPortalOrders, seedVariants } from "../../src/app/demo/demo-portal.ts";
import { createMerchant } from "../../src/app/merchants.ts";
import type { Deps } from "../../src/app/ports/index.ts";

export const ARTIFACTS = new URL("../../test-artifacts/portal/", import.meta.url).pathname;

/** The demo merchant with its set-up, policies, tee variants and the portal's showcase orders only. */
export async function seedPortalDemo(deps: Deps): Promise<void> {
  const m = await createMerchant(deps, {
    slug: "demo",
    name: "Northwind Apparel & Goods",
    settlementCurrency: "EUR",
  });
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  await deps.store.transaction((r) => setUpDemoMerchant(r, deps.ids, m.value.id));
  await seedCatalog(deps, m.value.id);
  await seedPolicies(deps, m.value.id);
  await seedVariants(deps, m.value.id);
  await seedPortalOrders(deps, m.value.id);
}

/** A full-page screenshot kept as a test artifact (test-artifacts/portal/<name>.png). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core with the WCAG 2.x A/AA rules: no serious or critical violation on the page as it is now. */
export async function expectAccessible(
  page: Page,
  label: string,
  exclude: readonly string[] = [],
): Promise<void> {
  // A sandboxed frame (no scripts) cannot run axe: it is left out by selector, else axe waits forever.
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  for (const selector of exclude) builder.exclude(selector);
  const r = await builder.analyze();
  const bad = r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, label).toEqual([]);
}

/** Looks the order up through the form, as a shopper types it. */
export async function lookUpInBrowser(
  page: Page,
  orderNumber: string,
  method: "email" | "postalCode" | "giftCode",
  secret: string,
): Promise<void> {
  await page.locator("#orderNumber").fill(orderNumber);
  await page.locator(`#method-${method}`).check();
  await page.locator("#secret").fill(secret);
  await page.locator("form button[type=submit]").click();
}
