import "server-only";
import { createDatabase, type Db } from "./connect";
import type { RawReader } from "./raw";

// One set of clients per process; kept on globalThis so that the middleware bundle, the route handlers
// and instrumentation all share one connection pool.
const globalForDb = globalThis as unknown as { platformDatabase?: { db: Db; raw: RawReader } };

const database = (globalForDb.platformDatabase ??= createDatabase());

export const db: Db = database.db;
export const rawReader: RawReader = database.raw;
