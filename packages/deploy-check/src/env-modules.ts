import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { vi } from "vitest";
import { type AppName, appWorkloads, repoRoot } from "./repo";

/** The module that parses each workload's configuration (STYLE.md: one env.ts per package). */
export function envModulePath(app: AppName): string {
  return path.join(repoRoot, appWorkloads[app], "src", "env.ts");
}

export type EnvLoad = { ok: true } | { ok: false; message: string };

/**
 * Evaluates the workload's env.ts afresh against exactly `env` (nothing inherited from this
 * process), the way the container would start. The web app parses lazily: env() is called.
 */
export async function loadEnvModule(app: AppName, env: Record<string, string>): Promise<EnvLoad> {
  const saved = process.env;
  // Vitest's own variables stay: its module runner reads them while the import is awaited.
  const runner = Object.fromEntries(Object.entries(saved).filter(([k]) => k.startsWith("VITEST")));
  process.env = { ...runner, ...env };
  vi.resetModules();
  try {
    if (app === "web") {
      // A guard that only the react-server condition resolves to an empty module.
      const webRequire = createRequire(path.join(repoRoot, appWorkloads.web, "package.json"));
      vi.doMock(webRequire.resolve("server-only"), () => ({}));
      const mod = (await import(pathToFileURL(envModulePath(app)).href)) as { env: () => unknown };
      mod.env();
    } else {
      await import(pathToFileURL(envModulePath(app)).href);
    }
    return { ok: true };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  } finally {
    process.env = saved;
  }
}

/**
 * The variables a workload cannot start without (no default, not optional), read from the
 * code itself: started with an empty environment, env.ts names every missing variable
 * ("  NAME: message", STYLE.md rule 8).
 */
export async function requiredVariables(app: AppName): Promise<string[]> {
  const result = await loadEnvModule(app, {});
  if (result.ok) return [];
  const names = [...result.message.matchAll(/^\s+([A-Z][A-Z0-9_]*)\b[^:\n]*:/gm)].map((m) => m[1]);
  if (names.length === 0) {
    throw new Error(`${envModulePath(app)} failed without naming a variable: ${result.message}`);
  }
  return [...new Set(names as string[])].sort();
}
