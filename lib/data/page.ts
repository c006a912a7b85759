// Keyset pagination shared by every list: ordered by id, the cursor is the last id of the previous page.
export type Page<T> = { data: T[]; nextCursor: string | null };

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? data[data.length - 1].id : null };
}
