import path from "node:path";
import type { AuthSession } from "@tx/api-contracts";
import { type Infra, registerUsers, type Stack, startStack } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll } from "vitest";

export type Shoppers = { infra: Infra; stack: Stack; seller: AuthSession; buyers: AuthSession[] };

/**
 * For one test file: its own servers, the whole stack with `env`, a seller and `buyers`
 * buyers, set up before its tests and stopped after. Read the fields inside the tests.
 */
export function stackWithShoppers(
  prefix: string,
  buyers: number,
  env: Record<string, string>,
): Readonly<Shoppers> {
  const servers = withInfra();
  const handle = {} as Shoppers;
  beforeAll(async () => {
    handle.infra = servers.infra;
    handle.stack = await startStack({
      infra: servers.infra.urls,
      logDir: path.join(servers.infra.dir, "logs"),
      env,
    });
    const [seller, ...rest] = await registerUsers(handle.stack, prefix, buyers + 1);
    if (!seller) throw new Error("no seller registered");
    handle.seller = seller;
    handle.buyers = rest;
  }, 300_000);
  afterAll(async () => handle.stack?.stop());
  return handle;
}
