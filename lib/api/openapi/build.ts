// Small builders for the OpenAPI document, so every response carries the headers the server really sends.
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
export const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
export const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
export const json = (schema: object) => ({ content: { "application/json": { schema } } });

// Every answer carries its request's ID; every answer to an authenticated request reports the token's quota.
export const requestIdHeader = { "X-Request-Id": header("RequestId") };
export const quotaHeaders = { "RateLimit-Limit": header("RateLimitLimit"), "RateLimit-Remaining": header("RateLimitRemaining"), "RateLimit-Reset": header("RateLimitReset") };

export const errorBody = (description: string, extraHeaders: object = {}) => ({ description, headers: { ...requestIdHeader, ...extraHeaders }, ...json(ref("Error")) });
/** A success to a token-authenticated request. */
export const success = (description: string, schema: object, extraHeaders: object = {}) => ({ description, headers: { ...requestIdHeader, ...quotaHeaders, ...extraHeaders }, ...json(schema) });
/** A success to a request that needs no token (no quota is counted). */
export const publicSuccess = (description: string, schema: object, extraHeaders: object = {}) => ({ description, headers: { ...requestIdHeader, ...extraHeaders }, ...json(schema) });

/** The refusals every token-authenticated operation can meet. */
export const authErrors = {
  "401": response("Unauthorized"),
  "429": response("RateLimited"),
  "503": response("Unavailable"),
};

/** Refusals of a JSON write (order writes also take an Idempotency-Key). */
export const bodyErrors = {
  "400": response("InvalidRequest"),
  "413": response("PayloadTooLarge"),
  "415": response("UnsupportedMediaType"),
};
