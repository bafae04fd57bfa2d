import { z } from "zod";

/** How many pages back the address remembers, so "Previous" works from a shared link. */
const MAX_TRAIL = 30;

const Trail = z.array(z.string().min(1).max(200)).max(MAX_TRAIL).catch([]);

/** The cursors of the pages before this one, oldest first, from repeated `after` values. */
export function pageTrail(after: string | string[] | undefined): string[] {
  return Trail.parse(after === undefined ? [] : Array.isArray(after) ? after : [after]);
}

/** The address of the order history page that follows `trail`. */
export function historyHref(trail: readonly string[]): string {
  const query = new URLSearchParams();
  for (const cursor of trail) query.append("after", cursor);
  const qs = query.toString();
  return qs ? `/orders?${qs}` : "/orders";
}
