// The response headers the API sends, described once.
export const headers = {
  RequestId: {
    description: "The request's ID: the client's own X-Request-Id when it is 1-128 of `A-Z a-z 0-9 . _ : -`, else a new one. Error bodies carry it as `error.requestId`.",
    required: true,
    schema: { type: "string", minLength: 1, maxLength: 128, pattern: "^[A-Za-z0-9._:-]{1,128}$" },
  },
  RateLimitLimit: { description: "Requests the token may make in an hour.", schema: { type: "integer", minimum: 1 } },
  RateLimitRemaining: { description: "Requests the token has left in the current hour.", schema: { type: "integer", minimum: 0 } },
  RateLimitReset: { description: "Seconds until the current window ends and the quota is whole again.", schema: { type: "integer", minimum: 0 } },
  RetryAfter: { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } },
  IdempotentReplayed: {
    description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key; nothing was written again.",
    schema: { type: "string", enum: ["true"] },
  },
  Allow: { description: "The methods this path serves; any other is `405 method_not_allowed`.", schema: { type: "string" } },
  WwwAuthenticate: { description: "The scheme to authenticate with: `Bearer`.", schema: { type: "string" } },
  CorsAllowOrigin: { description: "`*`: the document is public, so any web page may read it. The token-authenticated paths send no CORS headers.", schema: { type: "string", enum: ["*"] } },
} as const;
