// The SQLite database holds every user, password hash and token hash: no other local user may read it. SQLite
// creates a database file as 0644 (less the umask), and its -wal, -shm and -journal files with the database
// file's own mode; files made by earlier versions of the app are 0644 in a 0755 folder.
import fs from "node:fs";
import path from "node:path";
import { logger } from "../log/logger.mjs";

const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;
const SQLITE_FILE_SUFFIXES = ["", "-wal", "-shm", "-journal"];

/** The folder of the default database (file:./data/app.db) and of the session secret, as an absolute path. */
export function appDataFolder(): string {
  return path.join(process.cwd(), "data");
}

/**
 * Creates the database's folder (0700) and file (0600) when they are missing, and takes every permission
 * for others off the files that exist. An existing folder is tightened only when it is the app's own data
 * folder: one named in DATABASE_URL may be shared with other programs.
 */
export function secureSqliteFiles(file: string, dataFolder: string = appDataFolder()): void {
  if (file === ":memory:" || file === "") return;
  const folder = path.dirname(path.resolve(file));
  fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
  if (folder === dataFolder) restrict(folder, PRIVATE_FOLDER);
  // Created here, before SQLite opens it, so that it is never readable by others even for a moment.
  fs.closeSync(fs.openSync(file, "a", PRIVATE_FILE));
  for (const suffix of SQLITE_FILE_SUFFIXES) restrict(file + suffix, PRIVATE_FILE);
}

function restrict(target: string, allowed: number): void {
  let mode: number;
  try {
    mode = fs.statSync(target).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if ((mode & ~allowed) === 0) return;
  try {
    fs.chmodSync(target, mode & allowed);
  } catch (error) {
    // A file of another owner: the app still runs, and says what is left open.
    logger.warn({ event: "database_file_mode", path: target, mode: mode.toString(8), error: (error as NodeJS.ErrnoException).code });
  }
}
