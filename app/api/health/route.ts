import { NextResponse } from "next/server";

const startedAt = new Date().toISOString();

// Liveness: the process serves requests. It does not touch the database, so a database outage does not
// make a load balancer restart healthy instances (readiness, below, reports that instead).
export function GET() {
  return NextResponse.json({ status: "ok", startedAt }, { headers: { "Cache-Control": "no-store" } });
}
