// Reading query plans for full scans of a table, on SQLite (EXPLAIN QUERY PLAN) and PostgreSQL
// (EXPLAIN (FORMAT JSON)). A full scan is any read of the table that walks all of it: SQLite's "SCAN t" or
// "SCAN main.t" (also with "USING INDEX", which walks the whole index), PostgreSQL's "Seq Scan", or an index scan
// with no Index Cond (a walk of the whole index).
import type { Provider } from "@/lib/db/url";
import type { CapturedStatement } from "./captured-queries";

export type PlanCheck = { sql: string; plan: string; fullScans: string[] };

/** The names a statement gives the table: itself and any alias (`"ApiToken" AS "t1"`, `"ApiToken" t`). */
export function namesOf(sql: string, table: string): string[] {
  const names = new Set([table]);
  const pattern = new RegExp(`[\`"]${table}[\`"]\\s+(?:AS\\s+)?[\`"]?(\\w+)[\`"]?`, "gi");
  for (const match of sql.matchAll(pattern)) {
    const alias = match[1];
    if (!/^(WHERE|JOIN|INNER|LEFT|ON|SET|ORDER|GROUP|LIMIT|UNION|VALUES)$/i.test(alias)) names.add(alias);
  }
  return [...names];
}

function sqliteFullScans(rows: unknown[][], names: string[]): string[] {
  const details = rows.map((row) => String(row[row.length - 1]));
  return details.filter((detail) => names.some((name) => new RegExp(`^SCAN (\\w+\\.)?${name}(\\s|$)`).test(detail)));
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Cond"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function postgresFullScans(plan: PlanNode, table: string): string[] {
  const found: string[] = [];
  const visit = (node: PlanNode) => {
    const type = node["Node Type"];
    if (node["Relation Name"] === table) {
      if (type === "Seq Scan") found.push(`Seq Scan on "${table}"`);
      if ((type === "Index Scan" || type === "Index Only Scan") && !node["Index Cond"]) found.push(`${type} using ${node["Index Name"]} without Index Cond`);
    }
    // A bitmap scan reads the table through its Bitmap Index Scan children, which name the index only.
    if (type === "Bitmap Heap Scan" && node["Relation Name"] === table) {
      for (const child of node.Plans ?? []) if (child["Node Type"] === "Bitmap Index Scan" && !child["Index Cond"]) found.push(`Bitmap Index Scan using ${child["Index Name"]} without Index Cond`);
    }
    node.Plans?.forEach(visit);
  };
  visit(plan);
  return found;
}

/** Explains the statement on its own kind of connection and lists every full scan of `table`. */
export async function checkPlan(provider: Provider, statement: CapturedStatement, table: string): Promise<PlanCheck> {
  if (provider === "sqlite") {
    const rows = await statement.replay("EXPLAIN QUERY PLAN ");
    return { sql: statement.sql, plan: rows.map((row) => String(row[row.length - 1])).join("\n"), fullScans: sqliteFullScans(rows, namesOf(statement.sql, table)) };
  }
  const [[value]] = await statement.replay("EXPLAIN (FORMAT JSON) ");
  const [{ Plan }] = (typeof value === "string" ? JSON.parse(value) : value) as [{ Plan: PlanNode }];
  return { sql: statement.sql, plan: JSON.stringify(Plan), fullScans: postgresFullScans(Plan, table) };
}

/** Whether the statement reads or writes the table (by its quoted name, as both Prisma and our SQL write it). */
export function touches(sql: string, table: string): boolean {
  return new RegExp(`[\`"]${table}[\`"]`).test(sql);
}
