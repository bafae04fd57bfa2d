/**
 * Headers for every response, static files included (next.config.ts). The
 * Content-Security-Policy is per request, with its nonce, so proxy.ts sets it.
 */
export const staticSecurityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: [
      "camera=()",
      "microphone=()",
      "geolocation=()",
      "usb=()",
      "serial=()",
      "hid=()",
      "midi=()",
      "magnetometer=()",
      "gyroscope=()",
      "accelerometer=()",
      "browsing-topics=()",
      // Card wallets will need `payment=(self "https://js.stripe.com")` with checkout.
      "payment=()",
    ].join(", "),
  },
] as const;

export type CspOptions = {
  nonce: string;
  /** `next dev` needs eval (React's debugging stacks) and inline styles (fast refresh). */
  development: boolean;
  /** Only for an https origin: on plain http it would break every subresource. */
  upgradeInsecureRequests: boolean;
};

/** A strict, nonce-based policy: only scripts that Next rendered with this request's nonce run. */
export function contentSecurityPolicy({
  nonce,
  development,
  upgradeInsecureRequests,
}: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    // React sets style attributes (e.g. a skeleton's size); a nonce cannot cover attributes.
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(upgradeInsecureRequests ? { "upgrade-insecure-requests": [] } : {}),
  };
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
