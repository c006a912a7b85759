// Where each area manages its tokens: these two paths are part of the product's public contract (bookmarks,
// links in mail and docs point at them), so they never move.
export const ADMIN_TOKENS_PATH = "/admin/settings/api-tokens";
export const PARTNER_TOKENS_PATH = "/partner/api-tokens";

export const TOKEN_PAGE_PATHS = [ADMIN_TOKENS_PATH, PARTNER_TOKENS_PATH] as const;
