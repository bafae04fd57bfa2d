import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { serviceNames } from "@tx/api-contracts";
import type { InfraUrls } from "./infra";
import { repoRoot } from "./paths";
import { tsxLoaderUrl } from "./stack";

const run = promisify(execFile);

/**
 * Runs every service's pending data migrations (`services/<name>/src/migrate.ts`), tickets
 * first, as the start command does before it starts the services. Each migration marks
 * itself done in its service's database (`migrations`, by id), so this is quick once done.
 */
export async function migrateServices(
  infra: InfraUrls,
  say: (line: string) => void,
): Promise<void> {
  for (const name of serviceNames) {
    const entry = path.join(repoRoot, "services", name, "src", "migrate.ts");
    if (!existsSync(entry)) continue;
    const { stdout } = await run(process.execPath, ["--import", tsxLoaderUrl.href, entry], {
      cwd: path.join(repoRoot, "services", name),
      env: { ...process.env, ...infra, LOG_LEVEL: "warn" },
    });
    for (const line of stdout.trim().split("\n").filter(Boolean)) say(`migration ${line}`);
  }
}
