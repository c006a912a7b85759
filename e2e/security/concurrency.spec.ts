import { parseToken } from "../../lib/tokens/server/format";
import { testDb } from "../support/db";
import { expect, signInViaApi, test, uniqueClientAddress } from "../support/fixtures";
import { captureServerAction, replayServerAction } from "../support/server-actions";
import { newTokenDialog, submitTokenName, TOKEN_AREAS, tokenRow, GENERATE_FORM_FIELDS } from "../support/token-pages";
import { bearer, createTestToken } from "../support/tokens";

const REVOKED = "Token revoked.";
const REFUSED = "This token does not exist or was already revoked.";

type Timed = { startedAt: number; status: number };

test("200 concurrent requests with a revoke in the middle: nothing that starts after it succeeds, nothing fails", async ({ page, makeUser, baseURL }) => {
  test.setTimeout(120_000);
  const user = await makeUser();
  const target = await createTestToken(user.id, { name: "under fire" });
  const spare = await createTestToken(user.id, { name: "spare" });
  await signInViaApi(page.request, user);
  await page.goto(TOKEN_AREAS[0].path);
  // The page's own revoke request, captured on the spare token and aimed at the target below.
  await tokenRow(page, "spare").getByRole("button", { name: "Delete" }).click();
  const action = await captureServerAction(page, () => page.getByRole("dialog", { name: "Revoke token" }).getByRole("button", { name: "Revoke" }).click());
  await expect(tokenRow(page, "spare")).toHaveCount(0);
  const revokeBody = action.body.replaceAll(spare.tokenId, target.tokenId);

  // Each request from an address of its own, so that the refusals after the revoke are all plain 401s.
  const call = async (): Promise<Timed> => {
    const startedAt = performance.now();
    const response = await fetch(new URL("/api/v1/me", baseURL), { headers: { ...bearer(target.token), "X-Forwarded-For": uniqueClientAddress() } });
    await response.arrayBuffer();
    return { startedAt, status: response.status };
  };

  // 20 requests answered before anything is revoked, so that the test cannot pass vacuously on a machine where
  // the revoke would overtake every concurrent request.
  const settledFirst = await Promise.all(Array.from({ length: 20 }, call));
  expect(settledFirst.map((r) => r.status)).toEqual(Array(20).fill(200));
  const before = Array.from({ length: 100 }, call);
  // Three revokes at once, while the first 100 requests are in flight; 50 more start during the revoke.
  const revokeStartedAt = performance.now();
  const revokes = Promise.all([0, 1, 2].map(() => replayServerAction(page.request, action, revokeBody).then(async (response) => ({ status: response.status(), text: await response.text() }))));
  const during = Array.from({ length: 50 }, call);
  const revokeResults = await revokes;
  const revokedAt = performance.now();
  const after = Array.from({ length: 50 }, call);
  const concurrent = await Promise.all([...before, ...during, ...after]);
  expect(concurrent).toHaveLength(200);
  const results = [...settledFirst, ...concurrent];
  expect(results.filter((r) => r.status >= 500)).toEqual([]);
  expect(results.filter((r) => ![200, 401].includes(r.status))).toEqual([]);
  // Nothing that started once the revoke had answered got through.
  const startedAfter = results.filter((r) => r.startedAt >= revokedAt);
  expect(startedAfter.length).toBeGreaterThanOrEqual(50);
  expect(startedAfter.filter((r) => r.status !== 401)).toEqual([]);
  // Requests that started before the revoke could still succeed; the test is not vacuous.
  expect(results.filter((r) => r.startedAt < revokeStartedAt && r.status === 200).length).toBeGreaterThan(0);

  // Exactly one of the three revokes did it; the others got the usual refusal.
  for (const result of revokeResults) expect(result.status).toBe(200);
  expect(revokeResults.filter((r) => r.text.includes(REVOKED))).toHaveLength(1);
  expect(revokeResults.filter((r) => r.text.includes(REFUSED))).toHaveLength(2);

  const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: target.tokenId } });
  expect(row.revokedAt).not.toBeNull();
  expect(row.revokedReason).toBe("owner");
  expect(await testDb().tokenEvent.count({ where: { tokenId: target.tokenId, kind: "revoked" } })).toBe(1);
  expect(await testDb().apiToken.count({ where: { userId: user.id } })).toBe(2);
});

test("500 tokens generated concurrently get 500 distinct IDs, each stored whole", async ({ page, makeUser }) => {
  test.setTimeout(180_000);
  const user = await makeUser();
  await signInViaApi(page.request, user);
  await page.goto(TOKEN_AREAS[0].path);
  const action = await captureServerAction(page, () => submitTokenName(page, "bulk-0"), { fields: GENERATE_FORM_FIELDS });
  const first = await newTokenDialog(page).getByLabel("New token").inputValue();

  // Through the real server action, as the page calls it. 50 in flight at a time rather than 500: the
  // action renders the token page for its answer, and 500 renders at once on a 2-core test machine
  // measure the machine; 50 concurrent inserts already interleave every step of generation.
  const CONCURRENCY = 50;
  const tokens: string[] = [first];
  let next = 1;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < 500) {
        const name = `bulk-${next++}`;
        const response = await replayServerAction(page.request, action, action.body.replace("bulk-0", name));
        expect(response.status(), name).toBe(200);
        const found = (await response.text()).match(/pat_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}/g) ?? [];
        expect(new Set(found).size, name).toBe(1);
        tokens.push(found[0] ?? "");
      }
    }),
  );

  const ids = tokens.map((token) => parseToken(token)?.tokenId ?? "");
  expect(ids.every(Boolean)).toBe(true);
  expect(new Set(tokens).size).toBe(500);
  expect(new Set(ids).size).toBe(500);

  const rows = await testDb().apiToken.findMany({ where: { userId: user.id }, select: { id: true, name: true, secretHash: true } });
  expect(rows).toHaveLength(500);
  expect(new Set(rows.map((row) => row.id))).toEqual(new Set(ids));
  expect(new Set(rows.map((row) => row.name)).size).toBe(500);
  expect(await testDb().tokenEvent.count({ where: { tokenId: { in: ids }, kind: "created" } })).toBe(500);
});
