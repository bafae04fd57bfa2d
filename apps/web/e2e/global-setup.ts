import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { dataRoot, repoRoot, startInfra, startStack } from "@tx/test-kit";

const webDir = path.join(repoRoot, "apps", "web");

/** Starts infrastructure, the six services and `next start`; the returned function stops them. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(path.join(webDir, ".next", "BUILD_ID"))) {
    throw new Error("apps/web is not built: run `pnpm --filter @tx/web build` first");
  }
  const dir = path.join(dataRoot, `e2e-${process.pid}`);
  const infra = await startInfra({ dir });
  try {
    const stack = await startStack({
      infra: infra.urls,
      logDir: path.join(dir, "logs"),
      web: "start",
      ports: "free",
    });
    process.env.E2E_WEB_URL = stack.urls.web;
    return async () => {
      await stack.stop();
      await infra.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  } catch (err) {
    // The folder stays: its logs/ say why a server did not start.
    await infra.stop();
    throw err;
  }
}
