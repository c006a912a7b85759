// Used by the Prisma CLI (generate, and migration authoring). The app applies the committed migrations by
// itself at start-up (lib/db/migrate.ts), so the CLI is never needed to run it.
import "dotenv/config";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/app.db";
const provider = /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";

export default defineConfig({
  schema: `prisma/.generated/${provider}/schema.prisma`,
  migrations: { path: `prisma/migrations/${provider}` },
  datasource: { url },
});
