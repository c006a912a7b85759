// Which database errors mean "unavailable, try again" (503) rather than a fault of ours (500). A PostgreSQL
// restart ends every open connection with 57P01, which Prisma reports under its own code (P2010), the
// database's code kept in meta.driverAdapterError.
import { describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/connect";
import { isDatabaseUnavailable } from "@/lib/db/errors";

function prismaError(code: string, message: string) {
  return Object.assign(new Error(`Invalid \`prisma.order.findMany()\` invocation:\n\nDatabase error. Code: \`${code}\`. Message: \`${message}\``), {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: code, kind: "postgres", code, message } } },
  });
}

describe("isDatabaseUnavailable", () => {
  it("recognises a connection ended by a restart or shutdown, however Prisma wraps it", () => {
    expect(isDatabaseUnavailable(prismaError("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("57P03", "the database system is shutting down"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("08006", "connection failure"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
  });

  it("does not call the app's own faults unavailable", () => {
    expect(isDatabaseUnavailable(prismaError("23505", "duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseUnavailable(prismaError("42P01", 'relation "Nope" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  // The real error, from a real PostgreSQL: a connection ended by the server as a restart ends it.
  it.skipIf(!process.env.TEST_DATABASE_URL)("recognises the error Prisma raises when PostgreSQL ends the connection", async () => {
    const db = createDb(process.env.TEST_DATABASE_URL);
    try {
      const error = await db.$queryRawUnsafe("SELECT pg_terminate_backend(pg_backend_pid())").then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });
});
