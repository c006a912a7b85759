import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { startupFinished } from "@/lib/startup-state";

// Readiness: the instance can reach its database. 503 while it cannot, so a load balancer sends traffic
// elsewhere; it recovers by itself when the database is back. Not ready either before the start-up
// (migrations, seeding, the background jobs) has finished.
export async function GET() {
  if (!startupFinished()) {
    return NextResponse.json({ status: "starting" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return NextResponse.json({ status: "ready", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return NextResponse.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
