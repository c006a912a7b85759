import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { secureSqliteFiles } from "@/lib/db/file-modes";
import { migrate } from "@/lib/db/migrate";

const SUFFIXES = ["", "-wal", "-shm", "-journal"];
const modeOf = (target: string) => (fs.statSync(target).mode & 0o777).toString(8);

describe("SQLite database files", () => {
  let scratch = "";
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("are created readable by their owner only: folder 0700, database, WAL and shared memory 0600", async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "file-modes-"));
    const file = path.join(scratch, "new", "data", "app.db");
    await migrate(`file:${file}`);
    // The WAL and shared-memory files exist while a connection is open, as in the running app.
    const connection = new Database(file);
    try {
      connection.exec(`CREATE TABLE probe (value TEXT); INSERT INTO probe VALUES ('x')`);
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      expect(fs.existsSync(`${file}-shm`)).toBe(true);
      expect(modeOf(path.join(scratch, "new", "data"))).toBe("700");
      expect(modeOf(path.join(scratch, "new"))).toBe("700");
      for (const suffix of ["", "-wal", "-shm"]) expect(modeOf(file + suffix), `app.db${suffix}`).toBe("600");
    } finally {
      connection.close();
    }
  });

  it("made wider by an earlier version are tightened at start-up, and the app's data folder with them", () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "file-modes-"));
    const dataFolder = path.join(scratch, "data");
    fs.mkdirSync(dataFolder, { mode: 0o755 });
    fs.chmodSync(dataFolder, 0o755);
    const file = path.join(dataFolder, "app.db");
    for (const suffix of SUFFIXES) {
      fs.writeFileSync(file + suffix, "");
      fs.chmodSync(file + suffix, 0o644);
    }
    secureSqliteFiles(file, dataFolder);
    expect(modeOf(dataFolder)).toBe("700");
    for (const suffix of SUFFIXES) expect(modeOf(file + suffix), `app.db${suffix}`).toBe("600");
  });

  it("leave alone a folder named in DATABASE_URL that existed before, which other programs may share", () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "file-modes-"));
    const shared = path.join(scratch, "shared");
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o755);
    const file = path.join(shared, "app.db");
    fs.writeFileSync(file, "");
    fs.chmodSync(file, 0o664);
    secureSqliteFiles(file, path.join(scratch, "data"));
    expect(modeOf(shared)).toBe("755");
    expect(modeOf(file)).toBe("600");
  });
});
