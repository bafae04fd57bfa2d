/**
 * Prints a service's procedures as JSON: [{ path, type }]. Run in its own process per
 * service, because each service registers its own mongoose models under its own names.
 */
const service = process.argv[2];
if (!service) throw new Error("usage: list-procedures <service>");

// Placeholder configuration: the router module is only read, never started.
Object.assign(process.env, {
  PORT: "1",
  MONGO_URL: "mongodb://127.0.0.1:1/",
  NATS_URL: "nats://127.0.0.1:1",
  REDIS_URL: "redis://127.0.0.1:1",
  AUTH_JWKS_URL: "http://127.0.0.1:1/jwks",
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: "1",
  LOG_LEVEL: "silent",
  SAVED_SEARCH_SECRET: "placeholder-placeholder-placeholder",
  EMAIL_LINK_SECRET: "placeholder-secret-of-at-least-32-characters",
});

type Procedures = Record<string, { _def: { type: string } }>;
const mod = (await import(`../../../services/${service}/src/trpc/router.ts`)) as Record<
  string,
  { _def: { procedures: Procedures } }
>;
const router = mod[`${service}Router`];
if (!router) throw new Error(`services/${service} exports no ${service}Router`);
const list = Object.entries(router._def.procedures).map(([path, p]) => ({
  path,
  type: p._def.type,
}));
process.stdout.write(JSON.stringify(list));
process.exit(0);
