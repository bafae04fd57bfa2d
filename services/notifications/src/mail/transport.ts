import type { MailTransportConfig } from "./config";
import { createResendTransport } from "./resend";
import { createSmtpTransport } from "./smtp";

export type OutgoingMail = { to: string; subject: string; html: string; text: string };

/** Sends mail; adapters throw on any failure so the event is retried. */
export type MailTransport = {
  readonly kind: MailTransportConfig["kind"];
  /**
   * `idempotencyKey` is stable across retries of one delivery: Resend sends at most one
   * email per key; SMTP has no such thing and only uses it as the Message-ID.
   */
  send: (mail: OutgoingMail, idempotencyKey: string) => Promise<{ providerId: string }>;
  /** Readiness: can mail be handed over right now (SMTP), or is it configured (Resend). */
  verify: () => Promise<void>;
  close: () => Promise<void>;
};

export function createMailTransport(config: MailTransportConfig): MailTransport {
  return config.kind === "resend" ? createResendTransport(config) : createSmtpTransport(config);
}
