import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type Infra, type InfraName, startInfra } from "./infra";
import { dataRoot } from "./paths";
import type { FerretdbBackend } from "./postgres";

let counter = 0;

/**
 * Starts real servers for one test file (before its tests, stopped after) and returns a
 * handle whose `infra` is set once they are up. Each file gets its own data folder.
 */
export function withInfra(
  only?: InfraName[],
  opts: { ferretdbBackend?: FerretdbBackend } = {},
): { readonly infra: Infra } {
  const handle = {} as { infra: Infra };
  const dir = path.join(dataRoot, "test", `${process.pid}-${Date.now()}-${counter++}`);
  beforeAll(async () => {
    handle.infra = await startInfra({ dir, only, ...opts });
  });
  afterAll(async () => {
    await handle.infra?.stop();
    rmSync(dir, { recursive: true, force: true });
    const pg = handle.infra?.postgresDir;
    if (pg) rmSync(pg, { recursive: true, force: true });
  });
  return handle;
}
