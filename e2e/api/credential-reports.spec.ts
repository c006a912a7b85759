import { expect, signInViaApi, test } from "../support/api-fixtures";
import { testDb } from "../support/db";
import { bearer, createTestToken, withWrongSecret } from "../support/tokens";
import { TOKEN_AREAS } from "../support/token-pages";
import { generateToken, maskToken } from "../../lib/tokens/server/format";

const REPORT = "/api/v1/credentials/revoke";

test.describe("reporting leaked tokens", () => {
  test("a genuine token is revoked, and the answer is identical for valid and invalid values", async ({ request, makeUser }) => {
    const user = await makeUser();
    const leaked = await createTestToken(user.id, { name: "leaked in a gist" });
    const untouched = await createTestToken(user.id, { name: "still secret" });
    expect((await request.get("/api/v1/me", { headers: bearer(leaked.token) })).status()).toBe(200);

    const answers = [];
    for (const credentials of [
      ["pat_thisIsNotAToken"],
      [generateToken().token], // well formed, unknown ID
      [withWrongSecret(untouched)], // the right ID, a wrong secret
      [leaked.token],
      [leaked.token], // again, once already revoked
    ]) {
      // No Authorization header: reporting needs none.
      const response = await request.post(REPORT, { data: { credentials } });
      answers.push({ status: response.status(), body: await response.text(), type: response.headers()["content-type"] });
    }
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0].status).toBe(202);
    expect(JSON.parse(answers[0].body)).toEqual({ status: "accepted" });

    expect((await request.get("/api/v1/me", { headers: bearer(leaked.token) })).status()).toBe(401);
    expect((await request.get("/api/v1/me", { headers: bearer(untouched.token) })).status()).toBe(200);
    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: leaked.tokenId } });
    expect(row.revokedReason).toBe("reported");
    const events = await testDb().tokenEvent.findMany({ where: { tokenId: leaked.tokenId, kind: "revoked" } });
    expect(events.map((event) => event.detail)).toEqual(["reported"]);
  });

  test("several values in one report, mixed with noise, revoke exactly the genuine ones", async ({ request, makeUser }) => {
    const first = await makeUser();
    const second = await makeUser({ area: "partner", groups: ["Acme"] });
    const a = await createTestToken(first.id);
    const b = await createTestToken(second.id);
    const c = await createTestToken(second.id);
    const response = await request.post(REPORT, { data: { credentials: [`  ${a.token}\n`, "garbage", b.token, withWrongSecret(c)] } });
    expect(response.status()).toBe(202);
    expect((await request.get("/api/v1/me", { headers: bearer(a.token) })).status()).toBe(401);
    expect((await request.get("/api/v1/me", { headers: bearer(b.token) })).status()).toBe(401);
    expect((await request.get("/api/v1/me", { headers: bearer(c.token) })).status()).toBe(200);
  });

  test("bad bodies are 400 with a field message, and nothing is revoked", async ({ request, makeUser }) => {
    const user = await makeUser();
    const token = await createTestToken(user.id);
    const cases: [unknown, string][] = [
      [{}, "credentials: "],
      [{ credentials: [] }, "credentials: must list at least one value"],
      [{ credentials: token.token }, "credentials: "],
      [{ credentials: [token.token], extra: true }, "body: "],
      [{ credentials: Array.from({ length: 1001 }, () => "x") }, "credentials: must list at most 1000 values"],
    ];
    for (const [data, message] of cases) {
      const response = await request.post(REPORT, { data });
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message.startsWith(message) || body.error.message.includes("Unrecognized")).toBe(true);
    }
    const notJson = await request.post(REPORT, { headers: { "Content-Type": "text/plain" }, data: token.token });
    expect(notJson.status()).toBe(415);
    expect((await notJson.json()).error.code).toBe("unsupported_media_type");
    expect((await request.get("/api/v1/me", { headers: bearer(token.token) })).status()).toBe(200);
    expect((await request.get(REPORT)).status()).toBe(405);
  });

  test("reports are rate limited per client address", async ({ request }) => {
    const statuses: number[] = [];
    for (let i = 0; i < 62; i += 1) statuses.push((await request.post(REPORT, { data: { credentials: ["pat_x"] } })).status());
    expect(statuses.slice(0, 60).every((status) => status === 202)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
    const limited = await request.post(REPORT, { data: { credentials: ["pat_x"] } });
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
  });
});

for (const area of TOKEN_AREAS) {
  test(`the owner sees in the ${area.label} that a token was revoked because it was reported`, async ({ page, request, makeUser }) => {
    const user = await makeUser(area.user);
    const leaked = await createTestToken(user.id, { name: "pasted in a forum" });
    await createTestToken(user.id, { name: "fine" });
    expect((await request.post(REPORT, { data: { credentials: [leaked.token] } })).status()).toBe(202);

    await signInViaApi(page.request, user);
    await page.goto(area.path);
    const notice = page.getByRole("alert").filter({ hasText: "Revoked because reported as exposed." });
    await expect(notice).toContainText("pasted in a forum");
    await expect(notice).toContainText(maskToken(leaked.tokenId));
    await page.getByRole("navigation", { name: "Token status" }).getByRole("link", { name: "Revoked" }).click();
    await expect(page.getByRole("table", { name: "API tokens" }).getByRole("row", { name: /pasted in a forum/ })).toContainText("Revoked: reported as exposed");
  });
}
