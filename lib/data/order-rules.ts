// What an order written through the API may hold: the route's validation and the OpenAPI document read
// these, so the document states exactly what the server enforces.
export const MAX_CUSTOMER_LENGTH = 200;
export const MAX_TOTAL_CENTS = 1_000_000_000;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const DEFAULT_CURRENCY = "EUR";
export const MAX_GROUP_ID_LENGTH = 64;
