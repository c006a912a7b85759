// Where the app serves the human-readable API reference (rendered from /api/v1/openapi.json). Shared by
// the server and the browser: the token pages and the shown-once panel link to it.
export const API_REFERENCE_PATH = "/docs/api";
export const OPENAPI_DOCUMENT_PATH = "/api/v1/openapi.json";
