// Where the database is and which kind it is. The default is an SQLite file, so nothing needs installing.
export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export type Provider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** The PostgreSQL schema named by `?schema=` (Prisma's convention), else "public". */
export function postgresSchemaOf(url: string): string {
  return new URL(url).searchParams.get("schema") || "public";
}

/** The connection string for the `pg` driver, without Prisma's own `schema` parameter. */
export function postgresConnectionString(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete("schema");
  return parsed.toString();
}

/** The file path of an SQLite `file:` URL, resolved from the working directory as Prisma does. */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
