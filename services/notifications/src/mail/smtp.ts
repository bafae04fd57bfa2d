import nodemailer from "nodemailer";
import type { MailTransportConfig } from "./config";
import type { MailTransport } from "./transport";

/** SMTP to the local Mailpit (or any relay) when no Resend key is configured. */
export function createSmtpTransport(
  config: Extract<MailTransportConfig, { kind: "smtp" }>,
): MailTransport {
  const smtp = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    // Well under the consumer's 30 s ack wait: a hung relay fails the attempt, not the lease.
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 15_000,
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? "ticket-exchange.local";
  return {
    kind: "smtp",
    send: async (mail, idempotencyKey) => {
      const info = await smtp.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        // A resend after a crash carries the same Message-ID, so mail clients can fold the copy.
        messageId: `<${idempotencyKey}@${domain}>`,
      });
      return { providerId: info.messageId };
    },
    verify: async () => {
      await smtp.verify();
    },
    close: async () => smtp.close(),
  };
}
