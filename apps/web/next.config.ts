import path from "node:path";
import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./src/security/headers";

// The workspace root, so tracing and bundling see packages/* and the shared lockfile.
const repoRoot = path.join(import.meta.dirname, "..", "..");

const config: NextConfig = {
  output: "standalone",
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  // Workspace packages are TypeScript sources; the services' only for their browser.ts lists.
  transpilePackages: [
    "@tx/ui",
    "@tx/api-contracts",
    "@tx/service-kit",
    "@tx/auth",
    "@tx/tickets",
    "@tx/orders",
    "@tx/payments",
    "@tx/expiration",
    "@tx/notifications",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  // The Content-Security-Policy is set per request, with its nonce, by src/proxy.ts.
  headers: async () => [{ source: "/:path*", headers: [...staticSecurityHeaders] }],
};

export default config;
