import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/not-allowed";

export const GET = apiRoute(null, async ({ principal }) =>
  NextResponse.json({
    user: principal.user,
    permissions: principal.permissions,
    visibilityGroups: principal.groups,
    token: { id: principal.tokenId, name: principal.tokenName },
  }),
);

const { notAllowed, options } = otherMethods("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, options as OPTIONS };
