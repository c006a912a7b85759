import { authErrors, header, parameter, requestIdHeader, quotaHeaders, response } from "../build";

/**
 * OPTIONS on a path: which methods it serves. Documented per path because any other method is answered
 * `405 method_not_allowed` with the same `Allow`, and a client can ask first.
 */
export function optionsOperation(operationId: string, tag: string, allow: string, access: "token" | "public", pathHasId = false) {
  const isPublic = access === "public";
  return {
    operationId,
    tags: [tag],
    ...(pathHasId ? { parameters: [parameter("RecordId")] } : {}),
    summary: "The methods this path serves",
    description:
      `Answers \`204\` with \`Allow: ${allow}\`. Any other method on this path is refused with \`405 method_not_allowed\` and the same \`Allow\` header. ` +
      "OPTIONS takes no query parameters." +
      (isPublic ? "" : " Like every request to a token-authenticated path, it needs a token (this is not a CORS preflight: this path answers no cross-origin requests)."),
    ...(isPublic ? { security: [] } : {}),
    responses: {
      "204": {
        description: `The path serves ${allow}`,
        headers: { ...requestIdHeader, Allow: header("Allow"), ...(isPublic ? {} : quotaHeaders) },
      },
      "400": response("InvalidRequest"),
      ...(isPublic ? {} : authErrors),
    },
  };
}
