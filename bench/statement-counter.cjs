// Preloaded into a benchmark's server (`node --require bench/statement-counter.cjs scripts/server.mjs`):
// counts every SQL statement the app hands to its database drivers, the same way on both databases and
// whatever sends it (Prisma through its driver adapters, or the raw verification query). On SIGUSR2 and
// at exit it writes the running count to BENCH_STATEMENT_COUNT_FILE.
//   PostgreSQL: every pg Client#query call (BEGIN and COMMIT of a transaction count as statements too).
//   SQLite: every execution of a prepared better-sqlite3 statement (run/get/all/iterate) and every exec().
const fs = require("node:fs");
const pg = require("pg");
const Database = require("better-sqlite3");

const file = process.env.BENCH_STATEMENT_COUNT_FILE;
const counts = { postgresql: 0, sqlite: 0 };

const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  counts.postgresql++;
  return clientQuery.apply(this, args);
};

// The Statement class is not exported; take its prototype from a statement of a throwaway database.
const scratch = new Database(":memory:");
const statementPrototype = Object.getPrototypeOf(scratch.prepare("SELECT 1"));
scratch.close();
for (const method of ["run", "get", "all", "iterate"]) {
  const original = statementPrototype[method];
  statementPrototype[method] = function countedStatement(...args) {
    counts.sqlite++;
    return original.apply(this, args);
  };
}
const exec = Database.prototype.exec;
Database.prototype.exec = function countedExec(...args) {
  counts.sqlite++;
  return exec.apply(this, args);
};

function write() {
  if (file) fs.writeFileSync(file, JSON.stringify({ ...counts, at: Date.now() }));
}
process.on("SIGUSR2", write);
process.on("exit", write);
