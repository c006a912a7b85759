// `npm run screenshots`: current pictures of the token pages for the README, written to docs/screenshots/.
// Runs against an app that is already serving (`npm start`, by default http://localhost:3000; another with
// SCREENSHOT_BASE_URL) with the demo accounts, signed in as the demo partner. It generates one token named
// "CI deploys" and revokes it again at the end, so the account is left as it was found apart from that row.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

const baseURL = process.env.SCREENSHOT_BASE_URL ?? "http://localhost:3000";
const email = process.env.SCREENSHOT_EMAIL ?? "partner@example.com";
const password = process.env.SCREENSHOT_PASSWORD ?? "partner1234";
const outDir = path.join(process.cwd(), "docs", "screenshots");
const tokensPath = "/partner/api-tokens";

// Debian's Chromium where it is installed; Playwright's own browser elsewhere (as playwright.config.ts).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch(
    systemChromium ? { executablePath: systemChromium, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] } : {},
  );
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));

    await page.goto(tokensPath);
    await page.getByRole("button", { name: "Generate token" }).click();
    const form = page.getByRole("dialog", { name: "Generate token" });
    await form.getByLabel("Name", { exact: true }).fill("CI deploys");
    await shoot(page, "generate-dialog");
    await form.getByRole("button", { name: "Generate token" }).click();
    const shown = page.getByRole("dialog", { name: "Copy your new token" });
    await shown.waitFor();
    await shown.getByRole("button", { name: "Copy" }).click();
    await shoot(page, "shown-once");
    await shown.getByRole("button", { name: "Done" }).click();
    await shown.waitFor({ state: "hidden" });
    await shoot(page, "token-page-desktop");

    const row = page.getByRole("table", { name: "API tokens" }).locator("tbody tr").filter({ hasText: "CI deploys" }).first();
    await row.getByRole("link", { name: "CI deploys" }).click();
    await page.getByRole("heading", { name: "CI deploys", level: 1 }).waitFor();
    await shoot(page, "details-view");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(tokensPath);
    await shoot(page, "token-page-phone");

    await page.setViewportSize({ width: 1280, height: 800 });
    await row.getByRole("button", { name: /^Delete/ }).click();
    await page.getByRole("dialog", { name: "Revoke token" }).getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog", { name: "Revoke token" }).waitFor({ state: "hidden" });
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
