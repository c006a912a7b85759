// Where each area manages its tokens (PRODUCT.md, "Token pages").
export const ADMIN_TOKENS_PATH = "/admin/settings/api-tokens";
export const PARTNER_TOKENS_PATH = "/partner/api-tokens";

export const TOKEN_PAGE_PATHS = [ADMIN_TOKENS_PATH, PARTNER_TOKENS_PATH] as const;
