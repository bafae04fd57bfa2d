import { z } from "zod";

/**
 * Parses configuration once, at start. A missing or bad value stops the process
 * with a message naming every offending variable.
 */
export function parseEnv<S extends z.ZodRawShape>(
  shape: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("\n");
    throw new ConfigError(`Invalid or missing environment variables:\n${problems}`);
  }
  return result.data;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const port = z.coerce.number().int().min(0).max(65535);

/** Variables every service reads. */
export const serviceEnvShape = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().default("127.0.0.1"),
  PORT: port,
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, "must be a mongodb:// URL"),
  NATS_URL: z.string().min(1, "must list at least one nats server"),
  /** Copies of each stream: 1 on one server, 3 on a production cluster. */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  /**
   * The accounts that see the operator's view (dead letters, queues, figures), comma-
   * separated; compared with the email of the caller's verified access token.
   */
  OPERATOR_EMAILS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email("must list email addresses, comma-separated"))),
};

export const redisEnvShape = {
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL"),
};

export { port as portSchema };
