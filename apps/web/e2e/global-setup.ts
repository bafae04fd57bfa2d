import { cpSync, existsSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ServiceName } from "@tx/api-contracts";
import { dataRoot, repoRoot, type Stack, startInfra, startStack } from "@tx/test-kit";

const webDir = path.join(repoRoot, "apps", "web");
export const ACCESS_TOKEN_TTL_SECONDS = 75;
/**
 * The purchase hold in this suite. Short enough that the expiry journey waits for it
 * (instead of 15 minutes), long enough that every checkout journey, which pays within
 * a few seconds of pressing Purchase, finishes well inside it on a busy 2-core machine.
 */
export const ORDER_HOLD_SECONDS = 30;
/** The operator of this suite's stack (the web app and every service read OPERATOR_EMAILS). */
export const OPERATOR_EMAIL = "olive.operator@example.com";
/** A saved search's email window in this suite (an hour in production): its journey waits for it. */
export const SAVED_SEARCH_DIGEST_SECONDS = 3;
/** The payout hold in this suite, and when the payout run runs: the journey sees each state. */
export const PAYOUT_HOLD_SECONDS = 18;
export const PAYOUT_RUN_SECOND = 30;
const PAYOUT_CRON = `${PAYOUT_RUN_SECOND} * * * * *`;

/** Starts infrastructure, the six services and `next start`; the returned function stops them. */
export default function globalSetup(): Promise<() => Promise<void>> {
  return startE2eStack("e2e");
}

/**
 * The suite's stack, with `env` over its settings (the all-in suite sets a buyer's fee); its
 * servers' logs are kept under .data/results/<name>-logs.
 */
export async function startE2eStack(
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<() => Promise<void>> {
  if (!existsSync(path.join(webDir, ".next", "BUILD_ID"))) {
    throw new Error("apps/web is not built: run `pnpm --filter @tx/web build` first");
  }
  const dir = path.join(dataRoot, `${name}-${process.pid}`);
  const infra = await startInfra({ dir });
  try {
    const stack = await startStack({
      infra: infra.urls,
      logDir: path.join(dir, "logs"),
      web: "start",
      ports: "free",
      // Access tokens come due for refresh 15 s after issue (60 s margin), so the suite
      // rotates sessions throughout instead of never reaching the 15-minute default.
      env: {
        ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
        ORDER_HOLD_SECONDS: String(ORDER_HOLD_SECONDS),
        OPERATOR_EMAILS: OPERATOR_EMAIL,
        SAVED_SEARCH_DIGEST_SECONDS: String(SAVED_SEARCH_DIGEST_SECONDS),
        // The reconcilers at a pace that fits the suite's 30 s hold: a hold whose expiration
        // event is late is still cancelled within 15 s of its end, as in production within
        // the default grace (120 s); each fix is logged as a warning, which a failed
        // journey's summary quotes.
        RECONCILE_INTERVAL_SECONDS: "5",
        RECONCILE_GRACE_SECONDS: "10",
        // Payouts (earnings.spec.ts): 18 s after the event, and a run at second 30 of every minute.
        PAYOUT_HOLD_HOURS: String(PAYOUT_HOLD_SECONDS / 3600),
        PAYOUT_CRON: PAYOUT_CRON,
        ...extraEnv,
      },
    });
    process.env.E2E_WEB_URL = stack.urls.web;
    // Where a journey stops a service and starts it again (the error pages' "unavailable").
    const control = await controlServer(stack);
    process.env.E2E_CONTROL_URL = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
    // Where the journeys read the emails the notifications service sent.
    process.env.E2E_MAILPIT_URL = infra.urls.MAILPIT_URL;
    // Where the operator journey puts a malformed message.
    process.env.E2E_NATS_URL = infra.urls.NATS_URL;
    // Where journeys list tickets directly, as a seller's own client would (market.ts).
    process.env.E2E_AUTH_URL = stack.urls.auth;
    process.env.E2E_TICKETS_URL = stack.urls.tickets;
    // For journeys that set up state through the services' own APIs (as another client).
    process.env.E2E_SERVICES = JSON.stringify({
      urls: stack.urls,
      env: { NATS_URL: stack.env.NATS_URL, EMAIL_LINK_SECRET: stack.env.EMAIL_LINK_SECRET },
    });
    return async () => {
      control.close();
      await stack.stop();
      await infra.stop();
      // The servers' logs stay beside the results: scripts/summarize.mjs quotes their warnings
      // from the time of a failed journey, which is what a CI log needs to say why.
      const logs = path.join(dir, "logs");
      if (existsSync(logs))
        cpSync(logs, path.join(dataRoot, "results", `${name}-logs`), { recursive: true });
      rmSync(dir, { recursive: true, force: true });
    };
  } catch (err) {
    // The folder stays: its logs/ say why a server did not start.
    await infra.stop();
    throw err;
  }
}

/**
 * POST /<service>/kill or /<service>/start on loopback: the tests run in workers, and only
 * this process holds the stack's processes (see e2e/services.ts).
 */
async function controlServer(stack: Stack): Promise<Server> {
  const server = createServer((req, res) => {
    const [, name, action] = (req.url ?? "").split("/");
    const service = ServiceName.safeParse(name);
    if (req.method !== "POST" || !service.success || (action !== "kill" && action !== "start")) {
      res.writeHead(404).end();
      return;
    }
    (action === "kill" ? stack.kill(service.data) : stack.start(service.data)).then(
      () => res.writeHead(204).end(),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
