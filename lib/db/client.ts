import "server-only";
import { createDb, type Db } from "./connect";

// One client per process; kept on globalThis so that the middleware bundle, the route handlers and the
// development server's reloads all share one connection pool.
const globalForDb = globalThis as unknown as { platformDb?: Db };

export const db: Db = (globalForDb.platformDb ??= createDb());
