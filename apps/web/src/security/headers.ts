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
      // Card wallets in Stripe's Payment Element would need `payment=(self "https://js.stripe.com")`
      // on the checkout pages; cards (and 3-D Secure) work without it.
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
  /**
   * The checkout pages: Stripe.js (when the payments service has Stripe keys) loads from
   * js.stripe.com, runs its Elements in frames and calls its API. No other page needs them.
   */
  stripe?: boolean;
  /**
   * The expiration queue's board (bull-board, /operator/queues, operators only): its
   * prebuilt scripts and styles carry no nonce, so there they are allowed from this origin.
   */
  queueBoard?: boolean;
};

// Stripe's documented sources for Stripe.js, Elements and 3-D Secure frames.
const STRIPE = {
  script: ["https://js.stripe.com", "https://*.js.stripe.com"],
  frame: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com"],
};

/** A strict, nonce-based policy: only scripts that Next rendered with this request's nonce run. */
export function contentSecurityPolicy({
  nonce,
  development,
  upgradeInsecureRequests,
  stripe = false,
  queueBoard = false,
}: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      ...(queueBoard ? [] : [`'nonce-${nonce}'`, "'strict-dynamic'"]),
      ...(development ? ["'unsafe-eval'"] : []),
      // Ignored where 'strict-dynamic' is understood (the nonce'd loader's script is
      // trusted); older browsers need the host.
      ...(stripe ? STRIPE.script : []),
    ],
    "style-src": ["'self'", development || queueBoard ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    // React sets style attributes (e.g. a skeleton's size); a nonce cannot cover attributes.
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(stripe ? STRIPE.connect : [])],
    ...(stripe ? { "frame-src": STRIPE.frame } : {}),
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
