import fs from "node:fs";
import { parseToken } from "../../lib/tokens/server/format";
import { testDb } from "../support/db";
import { everyStoredRow } from "../support/db-scan";
import { expect, signInViaApi, test } from "../support/fixtures";
import { generateAndClose, TOKEN_AREAS, tokenRow } from "../support/token-pages";
import { bearer, createTestToken, withWrongSecret } from "../support/tokens";

type LogEntry = { event?: string; method?: string; path?: string; status?: number; durationMs?: number; tokenId?: string };

function logLines(file: string): LogEntry[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogEntry];
      } catch {
        return [];
      }
    });
}

test("a token's secret leaves no trace in the request log or in any database column", async ({ page, makeUser }) => {
  const logFile = process.env.TEST_SERVER_LOG;
  test.skip(!logFile, "the server log is only written under scripts/test.mjs");
  const user = await makeUser();
  await signInViaApi(page.request, user);
  await page.goto(TOKEN_AREAS[0].path);
  const token = await generateAndClose(page, "secret keeper");
  const { tokenId, secret } = parseToken(token)!;
  const wrong = withWrongSecret({ token, tokenId, secret });
  const wrongSecret = parseToken(wrong)!.secret;

  // Used, also with the secret where clients sometimes put it (query string, path), then failed with.
  const used = await page.request.get("/api/v1/me", { headers: bearer(token) });
  expect(used.status()).toBe(200);
  // The hand-over header (token ID for the log) is removed by the server before the response leaves.
  expect(used.headers()["x-platform-token-id"]).toBeUndefined();
  // An unknown query parameter is refused by name; its value (here the token) is never echoed.
  const inQuery = await page.request.get(`/api/v1/orders?access_token=${token}&limit=1`, { headers: bearer(token) });
  expect(inQuery.status()).toBe(400);
  expect(await inQuery.text()).not.toContain(secret);
  expect((await page.request.get(`/api/v1/${token}`, { headers: bearer(token) })).status()).toBe(404);
  expect((await page.request.post("/api/v1/orders", { headers: bearer(token), data: { token, note: secret } })).status()).toBeLessThan(500);
  expect((await page.request.get("/api/v1/me", { headers: bearer(wrong) })).status()).toBe(401);

  // Revoked through the page, then tried again.
  await tokenRow(page, "secret keeper").getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Revoke token" }).getByRole("button", { name: "Revoke" }).click();
  await expect(tokenRow(page, "secret keeper")).toHaveCount(0);
  expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).not.toBeNull();
  const revokedUse = await page.request.get("/api/v1/me?after=revoke", { headers: bearer(token) });
  expect(revokedUse.status()).toBe(401);

  // The log has a structured line for each of these requests, with the token ID when the token worked...
  await expect
    .poll(() => logLines(logFile!).filter((entry) => entry.event === "request" && entry.path === "/api/v1/me" && entry.status === 401).length, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(2);
  const entries = logLines(logFile!).filter((entry) => entry.event === "request");
  const mine = entries.filter((entry) => entry.tokenId === tokenId);
  expect(mine.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(
    expect.arrayContaining(["GET /api/v1/me 200", "GET /api/v1/orders 400", `GET /api/v1/pat_${tokenId}_[redacted] 404`]),
  );
  for (const entry of mine) expect(typeof entry.durationMs).toBe("number");

  // ...but nowhere the secret, the full token, the wrong secret, or an Authorization header.
  const log = fs.readFileSync(logFile!, "utf8");
  for (const value of [secret, token, wrongSecret, wrong]) expect(log).not.toContain(value);
  expect(log).not.toMatch(/bearer pat_/i);

  const rows = await everyStoredRow();
  expect(rows.some((row) => row.table === "ApiToken" && row.text.includes(tokenId))).toBe(true);
  for (const row of rows) {
    for (const value of [secret, wrongSecret]) expect(row.text, `table ${row.table}`).not.toContain(value);
  }
});

test("no spelling of a token or of its secret in a path reaches the request log", async ({ request, makeUser }) => {
  const logFile = process.env.TEST_SERVER_LOG;
  test.skip(!logFile, "the server log is only written under scripts/test.mjs");
  const user = await makeUser();
  const { token, tokenId, secret } = await createTestToken(user.id);
  const escaped = (text: string, at: number) => `${text.slice(0, at)}%${text.charCodeAt(at).toString(16)}${text.slice(at + 1)}`;
  // Next.js routes on the decoded path, so each of these reaches the app as the token or secret itself.
  const paths = [
    `/api/v1/pat%5F${tokenId}_${secret}`,
    `/api/v1/%70at_${tokenId}_${secret}`,
    `/api/v1/PAT_${tokenId}_${secret}`,
    `/api/v1/${token.toUpperCase()}`,
    `/api/v1/orders/${secret}`,
    `/api/v1/pat_${escaped(tokenId, 5)}_${secret}`,
    `/api/v1/${escaped(token, 30)}`,
    `/api/v1/pat%255F${tokenId}_${secret}`,
    // Paths that cannot be decoded (refused with 400 before the app) must not leak either.
    `/api/v1/%ff%fe/${token}`,
    `/api/v1/${token}%E0%A4%A`,
    `/admin/${token}`,
    `/login/${secret}`,
  ];
  for (const path of paths) {
    const response = await request.get(path, { headers: bearer(token), maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
  // The last request, logged with the token's ID once the ones before it were.
  expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
  await expect
    .poll(() => logLines(logFile!).some((entry) => entry.event === "request" && entry.tokenId === tokenId && entry.path === "/api/v1/me"), { timeout: 10_000 })
    .toBe(true);

  const log = fs.readFileSync(logFile!, "utf8");
  expect(log.toLowerCase()).not.toContain(secret.toLowerCase());
  for (const path of paths) expect(log).not.toContain(path);
  // The token ID is kept where it can be recognised.
  const redacted = logLines(logFile!).filter((entry) => entry.event === "request" && entry.path?.includes(`pat_${tokenId}_[redacted]`));
  expect(redacted.length).toBeGreaterThanOrEqual(6);
});
