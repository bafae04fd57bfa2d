import { z } from "zod";

/**
 * Parses configuration once, at start: a shape of variables, or a whole schema when some
 * rule spans several of them (`superRefine`). A missing or bad value stops the process
 * with a message naming every offending variable.
 */
export function parseEnv<S extends z.ZodRawShape>(
  shape: S,
  source?: Record<string, string | undefined>,
): z.infer<z.ZodObject<S>>;
export function parseEnv<T extends z.ZodType>(
  schema: T,
  source?: Record<string, string | undefined>,
): z.output<T>;
export function parseEnv(
  shapeOrSchema: z.ZodRawShape | z.ZodType,
  source: Record<string, string | undefined> = process.env,
): unknown {
  const schema = shapeOrSchema instanceof z.ZodType ? shapeOrSchema : z.object(shapeOrSchema);
  const result = schema.safeParse(source);
  if (!result.success) {
    throw configError(
      result.error.issues.map((issue) => ({ name: issue.path.join("."), message: issue.message })),
    );
  }
  return result.data;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The one message for bad configuration: "  NAME: what is wrong", a line per variable. */
export function configError(problems: { name: string; message: string }[]): ConfigError {
  const lines = problems.map(({ name, message }) => `  ${name || "(root)"}: ${message}`);
  return new ConfigError(`Invalid or missing environment variables:\n${lines.join("\n")}`);
}

const port = z.coerce.number().int().min(0).max(65535);

/** A comma-separated list of email addresses, lower-cased (OPERATOR_EMAILS). */
export const operatorEmails = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email("must list email addresses, comma-separated")));

/** Variables every service reads. */
export const serviceEnvShape = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().default("127.0.0.1"),
  PORT: port,
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, "must be a mongodb:// URL"),
  /** Database connections per process: requests and consumers run side by side, up to this many. */
  MONGO_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NATS_URL: z.string().min(1, "must list at least one nats server"),
  /** Copies of each stream: 1 on one server, 3 on a production cluster. */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  /**
   * Proxies in front of this service whose x-forwarded-for entries are believed: 1 behind
   * the web app (Kubernetes), 0 where clients reach it directly (the local run).
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * The accounts that see the operator's view (dead letters, queues, figures), comma-
   * separated; compared with the email of the caller's verified access token.
   */
  OPERATOR_EMAILS: operatorEmails,
};

/** Where the web app lives: links in emails and Stripe's return pages point here. */
export const webBaseUrlEnvShape = {
  WEB_BASE_URL: z
    .url()
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
};

export const redisEnvShape = {
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL"),
};

export { port as portSchema };
