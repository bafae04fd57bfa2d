/**
 * The local run: starts the infrastructure (unless MONGO_URL etc. point at real servers),
 * the six services and the web app on http://localhost:3000, and stops them on Ctrl-C.
 * Data lives in .data/dev and survives restarts.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startInfra } from "./infra";
import { migrateServices } from "./migrate";
import { dataRoot } from "./paths";
import { demoUsers, seedDemo } from "./seed";
import { startStack } from "./stack";

const withWeb = !process.argv.includes("--no-web");
const dir = path.join(dataRoot, "dev");
const say = (line: string) => process.stdout.write(`[tx] ${line}\n`);

const infra = await startInfra({
  dir,
  env: process.env,
  log: say,
  ports: { mongo: 27117, nats: 4222, redis: 6390, mailHttp: 8025, mailSmtp: 1025 },
});
say("infrastructure up");
/** A secret kept with the dev data, so sign-ins and emailed links survive a restart. */
function storedSecret(name: string): string {
  const file = path.join(dir, name);
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

let stack: Awaited<ReturnType<typeof startStack>> | undefined;
try {
  // Existing data first takes what this version expects (each migration once, marked done).
  await migrateServices(infra.urls, say);
  stack = await startStack({
    infra: infra.urls,
    logDir: path.join(dir, "logs"),
    ports: "default",
    web: withWeb ? "start" : false,
    env: {
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? storedSecret("nextauth-secret"),
      EMAIL_LINK_SECRET: process.env.EMAIL_LINK_SECRET ?? storedSecret("email-link-secret"),
      // Likewise the key of saved searches' unsubscribe links, so links in sent emails keep working.
      SAVED_SEARCH_SECRET: process.env.SAVED_SEARCH_SECRET ?? storedSecret("saved-search-secret"),
    },
    // One developer's browser: the limits per address apply as configured.
    relaxAddressLimits: false,
  });
} catch (err) {
  say(`start failed: ${err instanceof Error ? err.message : String(err)}`);
  await infra.stop();
  process.exit(1);
}

// Demo data once per data folder: users every time (idempotent), listings only the first time.
const seededMarker = path.join(dir, "seeded");
const seededBefore = existsSync(seededMarker);
const listed = await seedDemo(stack, !seededBefore);
if (!seededBefore) writeFileSync(seededMarker, new Date().toISOString());
say(seededBefore ? "demo data already there" : `seeded ${listed} demo listings`);

say("");
say("Ticket Exchange is running:");
if (stack.urls.web) say(`  web app        ${stack.urls.web.replace("127.0.0.1", "localhost")}`);
for (const [name, url] of Object.entries(stack.urls)) {
  if (name !== "web") say(`  ${name.padEnd(14)} ${url}`);
}
say(`  mail inbox     ${infra.urls.MAILPIT_URL.replace("127.0.0.1", "localhost")}`);
say(`  logs           ${path.join(dir, "logs")}`);
say("Demo accounts (password for all: tickets-please-2026):");
for (const user of demoUsers) say(`  ${user.email.padEnd(18)} ${user.name}`);
say("Press Ctrl-C to stop.");

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  say("stopping...");
  await stack?.stop();
  await infra.stop();
  process.exit(0);
};
const onSignal = () => {
  shutdown().catch((err: unknown) => {
    say(`stop failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
