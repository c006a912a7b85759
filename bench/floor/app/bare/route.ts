import { body } from "../body";

// Never prerendered: answered per request, as the app's API routes are.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(body);
}
