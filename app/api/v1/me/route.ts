import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";

export const GET = apiRoute(null, async ({ principal }) =>
  NextResponse.json({
    user: principal.user,
    permissions: principal.permissions,
    visibilityGroups: principal.groups,
    token: { id: principal.tokenId, name: principal.tokenName },
  }),
);

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/lib/api/not-allowed";
