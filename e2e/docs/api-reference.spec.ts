import { expect, signInViaApi, test } from "../support/fixtures";
import { generateInUi, newTokenDialog, TOKEN_AREAS } from "../support/token-pages";

const REFERENCE = "/docs/api";

test("the API reference renders every operation from the served document, from this origin only", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) elsewhere.push(request.url());
  });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));

  const response = await page.goto(REFERENCE);
  expect(response?.status()).toBe(200);
  // The page runs under the same policy as every other page: nothing was loosened for the renderer.
  const csp = (await response!.allHeaders())["content-security-policy"];
  const login = await page.request.get("/login");
  expect(csp).toBe(login.headers()["content-security-policy"]);

  await expect(page.getByRole("heading", { name: "Platform API reference" })).toBeVisible();
  for (const summary of ["List orders", "Create an order", "Get an order", "Change an order's status", "List products", "Get a product", "The token's owner, their access and the token", "Report exposed tokens"]) {
    await expect(page.getByText(summary, { exact: true }).first(), summary).toBeVisible();
  }
  // It says why the token-authenticated API answers no cross-origin requests, and does not offer to send any.
  await expect(page.getByRole("heading", { name: "Calling from a browser" })).toBeVisible();
  await expect(page.getByText(/a token is a server-side credential/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Try it out" })).toHaveCount(0);

  expect(elsewhere).toEqual([]);
  expect(problems).toEqual([]);
});

test("the API index, the token pages and the shown-once token link to the reference", async ({ page, request, makeUser }) => {
  expect((await (await request.get("/api/v1")).json()).reference).toBe(REFERENCE);
  for (const area of TOKEN_AREAS) {
    await page.context().clearCookies();
    await signInViaApi(page.request, await makeUser(area.user));
    await page.goto(area.path);
    await expect(page.getByRole("main").getByRole("link", { name: "API reference" })).toHaveAttribute("href", REFERENCE);
  }
  await generateInUi(page, "reference link");
  await expect(newTokenDialog(page).getByRole("link", { name: "API reference" })).toHaveAttribute("href", REFERENCE);
});

test("the reference is public: it needs no sign-in", async ({ page }) => {
  const response = await page.goto(REFERENCE);
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(REFERENCE);
});
