import "server-only";
import { createDatabase, type Db } from "./connect";
import type { RawReader } from "./raw";
import { processWide } from "../process-state.mjs";

// One set of clients per process: the middleware bundle, the route handlers and instrumentation all share
// one connection pool.
const database = processWide<{ db: Db; raw: RawReader }>("platformDatabase", createDatabase);

export const db: Db = database.db;
export const rawReader: RawReader = database.raw;
