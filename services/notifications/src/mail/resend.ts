import { Resend } from "resend";
import type { MailTransportConfig } from "./config";
import type { MailTransport } from "./transport";

/** The Resend API; its idempotency key makes a resend after a crash a no-op on their side. */
export function createResendTransport(
  config: Extract<MailTransportConfig, { kind: "resend" }>,
): MailTransport {
  const resend = new Resend(config.apiKey, { baseUrl: config.baseUrl });
  return {
    kind: "resend",
    send: async (mail, idempotencyKey) => {
      const { data, error } = await resend.emails.send(
        { from: config.from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text },
        // A bounded wait: a try that hangs past the delivery lease could be taken over.
        { idempotencyKey, signal: AbortSignal.timeout(20_000) },
      );
      // The SDK reports failures as values; throwing makes the bus retry with backoff.
      if (error) {
        throw new Error(
          `resend refused the email: ${error.name} (${error.statusCode ?? "no response"}): ${error.message}`,
        );
      }
      return { providerId: data.id };
    },
    // Probing the API would spend quota on every readiness check: a key is all we can know.
    verify: async () => {},
    close: async () => {},
  };
}
