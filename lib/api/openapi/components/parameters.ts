import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from "../../../data/page";
import { RECORD_ID_PATTERN } from "../../input";

const recordId = { type: "string", minLength: 1, maxLength: 64, pattern: RECORD_ID_PATTERN.source };

export const parameters = {
  RecordId: {
    name: "id",
    in: "path",
    required: true,
    description: "The record's ID, as listed. An ID of another shape cannot name a record (`404`).",
    schema: recordId,
  },
  Limit: {
    name: "limit",
    in: "query",
    required: false,
    description: `How many records a page holds (1 to ${MAX_PAGE_SIZE}).`,
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  },
  Cursor: {
    name: "cursor",
    in: "query",
    required: false,
    description: "The `nextCursor` of the previous page; leave it out for the first page.",
    schema: recordId,
  },
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "Makes the write safe to retry. The first request with a key runs; a retry with the same key and the same method, path and body within 24 hours gets the first answer again (2xx and 4xx answers are kept; after a 5xx the key is free again) and writes nothing. The same key with another request is `422 idempotency_key_reused`; while the first request is still running, `409 idempotency_conflict`. Keys belong to the token.",
    schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7E]+$" },
  },
} as const;
