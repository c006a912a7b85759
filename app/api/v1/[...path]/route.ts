import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";

// Any other path under /api/v1: a JSON 404 for authenticated callers (and the usual 401 for others).
const notFound = apiRoute<{ path: string[] }>(null, async () => {
  throw new ApiError("not_found");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
