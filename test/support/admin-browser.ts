import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible } from "./portal-browser.ts";

export const ADMIN_ARTIFACTS = new URL("../../test-artifacts/admin/", import.meta.url).pathname;

/** A full-page screenshot kept as a test artifact (test-artifacts/admin/<name>.png). */
export async function adminShot(page: Page, name: string): Promise<void> {
  mkdirSync(ADMIN_ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ADMIN_ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core (no serious or critical violation) and a screenshot of the page as it is now. */
export async function checkPage(page: Page, name: string, exclude: readonly string[] = []): Promise<void> {
  await expectAccessible(page, name, exclude);
  await adminShot(page, name);
}

/** A browser context of its own (cookies apart) on /admin in that language. */
export async function openAdmin(browser: Browser, base: string, lang: string, path = ""): Promise<Page> {
  const context = await browser.newContext({ locale: lang, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/admin${path}?lang=${lang}`);
  await page.locator("h1").first().waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe(lang);
  return page;
}

/** Signs in with the keyboard alone: type, Tab, type, Enter. */
export async function signInByKeyboard(page: Page, email: string, password: string): Promise<void> {
  await page.locator("#sign-in-email").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
}
