import { body } from "../body";

// The same answer as /bare, reached through middleware.ts.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(body);
}
