import { createLogger } from "@tx/service-kit";
import { env } from "../env";
import type { PaymentGateway } from "./gateway";
import { type SandboxGateway, sandboxGateway } from "./sandbox";
import { stripeGateway } from "./stripe";

let current: PaymentGateway | SandboxGateway | undefined;
let webhookUrl = `http://127.0.0.1:${env.PORT}/webhooks/stripe`;

/** The sandbox posts its webhooks to this service's own route; the port is known after listen. */
export function setOwnWebhookUrl(url: string): void {
  webhookUrl = url;
}

export function gateway(): PaymentGateway | SandboxGateway {
  current ??= env.STRIPE_SECRET_KEY
    ? stripeGateway({
        secretKey: env.STRIPE_SECRET_KEY,
        publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? "",
        host: env.STRIPE_API_HOST,
        port: env.STRIPE_API_PORT,
        protocol: env.STRIPE_API_PROTOCOL,
      })
    : sandboxGateway({
        webhookUrl: () => webhookUrl,
        webhookSecret: env.WEBHOOK_SECRET,
        log: createLogger("payments-sandbox", env.LOG_LEVEL),
      });
  return current;
}

export function sandbox(): SandboxGateway | null {
  const g = gateway();
  return "confirm" in g ? g : null;
}
