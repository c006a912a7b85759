// The SQLite database (every user, password hash and token hash) is readable by its owner only, from the
// very first start, and files an earlier version left readable by everyone are tightened at start-up.
// Always on SQLite, in a folder of the test's own, whichever database the suite runs on.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateToken } from "../../lib/tokens/server/format";
import { expect, test } from "../support/fixtures";
import { bearer } from "../support/tokens";

const modeOf = (target: string) => (fs.statSync(target).mode & 0o777).toString(8);

let scratch = "";
test.afterEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

test("a fresh start creates the database folder 0700 and the database, WAL and shared-memory files 0600; a restart tightens files left wider", async ({ appInstances }) => {
  test.setTimeout(180_000);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "database-files-"));
  const folder = path.join(scratch, "db");
  const file = path.join(folder, "app.db");
  const databaseUrl = `file:${file}`;

  const instance = await appInstances.start({ DATABASE_URL: databaseUrl, SEED_DEMO: "1" });
  // A token lookup reads the database: the WAL and shared-memory files exist while the instance runs.
  expect((await fetch(`${instance.url}/api/v1/me`, { headers: bearer(generateToken().token) })).status).toBe(401);
  expect(fs.existsSync(`${file}-wal`)).toBe(true);
  expect(fs.existsSync(`${file}-shm`)).toBe(true);
  expect(modeOf(folder)).toBe("700");
  for (const suffix of ["", "-wal", "-shm"]) expect(modeOf(file + suffix), `app.db${suffix}`).toBe("600");
  // Killed, so that its WAL and shared-memory files stay behind, then opened up as an earlier version left
  // its files.
  await instance.stop("SIGKILL");
  for (const suffix of ["", "-wal", "-shm"]) fs.chmodSync(file + suffix, 0o644);
  const restarted = await appInstances.start({ DATABASE_URL: databaseUrl });
  expect((await fetch(`${restarted.url}/api/v1/me`, { headers: bearer(generateToken().token) })).status).toBe(401);
  for (const suffix of ["", "-wal", "-shm"]) expect(modeOf(file + suffix), `app.db${suffix} after a restart`).toBe("600");
});
