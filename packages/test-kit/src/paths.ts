import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
/** Go-built servers (FerretDB, nats-server, Mailpit), made by scripts/setup.sh. */
export const toolsBin = path.join(repoRoot, ".tools", "bin");
/** Git-ignored data of the local servers. */
export const dataRoot = path.join(repoRoot, ".data");

/** A tool from .tools/bin if built there, else from PATH (Debian's packages). */
export function binary(name: string): string {
  const local = path.join(toolsBin, name);
  return existsSync(local) ? local : name;
}

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
export const chromiumLaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
