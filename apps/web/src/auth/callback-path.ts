const SITE = "http://site.invalid";

/**
 * Where to go after signing in: a path on this site, or home. A path is resolved the way a
 * browser would, so `//host`, `/\host` and `/<tab>/host` (parsers drop tabs) cannot leave.
 */
export function safeCallbackPath(raw: unknown): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//")) return "/";
  try {
    const url = new URL(raw, SITE);
    return url.origin === SITE ? url.pathname + url.search + url.hash : "/";
  } catch {
    return "/";
  }
}

/** The address of the sign-in or register page that returns to `path` afterwards. */
export function withCallback(page: "/signin" | "/register", path: string): string {
  const target = safeCallbackPath(path);
  return target === "/" ? page : `${page}?${new URLSearchParams({ callbackUrl: target })}`;
}

/** For next-auth's redirect callback: `url` (relative or absolute) if it is on this site, else home. */
export function onSiteUrl(url: string, siteOrigin: string): string {
  try {
    const target = new URL(url, siteOrigin);
    if (target.origin !== siteOrigin) return siteOrigin;
    return `${siteOrigin}${safeCallbackPath(target.pathname + target.search + target.hash)}`;
  } catch {
    return siteOrigin;
  }
}
