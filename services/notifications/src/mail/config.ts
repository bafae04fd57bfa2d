import { configError, portSchema } from "@tx/service-kit";
import { z } from "zod";

/** The mail variables; which transport they select is decided by `mailTransportConfig`. */
export const mailEnvShape = {
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().default("https://api.resend.com"),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: portSchema.optional(),
  MAIL_FROM: z.string().min(3).default("Ticket Exchange <no-reply@ticket-exchange.local>"),
};

export type MailTransportConfig =
  | { kind: "resend"; apiKey: string; baseUrl: string; from: string }
  | { kind: "smtp"; host: string; port: number; from: string };

type MailEnv = {
  RESEND_API_KEY?: string | undefined;
  RESEND_BASE_URL: string;
  SMTP_HOST?: string | undefined;
  SMTP_PORT?: number | undefined;
  MAIL_FROM: string;
};

/** Resend when its key is set; otherwise SMTP, whose host and port are then required. */
export function mailTransportConfig(env: MailEnv): MailTransportConfig {
  if (env.RESEND_API_KEY) {
    return {
      kind: "resend",
      apiKey: env.RESEND_API_KEY,
      baseUrl: env.RESEND_BASE_URL.replace(/\/+$/, ""),
      from: env.MAIL_FROM,
    };
  }
  const { SMTP_HOST: host, SMTP_PORT: port } = env;
  if (!host || port === undefined) {
    const missing = [!host && "SMTP_HOST", port === undefined && "SMTP_PORT"].filter(
      (name) => name !== false,
    );
    throw configError(
      missing.map((name) => ({
        name,
        message: "required when RESEND_API_KEY is not set (mail goes over SMTP)",
      })),
    );
  }
  return { kind: "smtp", host, port, from: env.MAIL_FROM };
}
