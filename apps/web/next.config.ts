import path from "node:path";
import type { NextConfig } from "next";

// The workspace root, so tracing and bundling see packages/* and the shared lockfile.
const repoRoot = path.join(import.meta.dirname, "..", "..");

const config: NextConfig = {
  output: "standalone",
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  transpilePackages: ["@tx/ui", "@tx/api-contracts"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
