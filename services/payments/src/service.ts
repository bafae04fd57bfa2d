import { createLogger, remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { refundLeftovers } from "./domain/refunds";
import { env } from "./env";
import { deliveryFailedConsumer } from "./events/consumers/delivery-failed";
import {
  orderCancelledConsumer,
  orderCompletedConsumer,
  orderCreatedConsumer,
  paymentSucceededConsumer,
} from "./events/consumers/order-events";
import { gateway, setOwnWebhookUrl } from "./gateway/index";
import { PaymentModel } from "./models/payment";
import { paymentsRouter } from "./trpc/router";
import { webhookRoute } from "./webhook/route";

/** The payments service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "payments",
  env,
  router: paymentsRouter,
  authenticate: (log) => remoteTokenVerifier(env, log),
  outboxModels: [PaymentModel],
  consumers: [
    orderCreatedConsumer,
    orderCancelledConsumer,
    orderCompletedConsumer,
    paymentSucceededConsumer,
    deliveryFailedConsumer,
  ],
  start: async ({ log }) => {
    await refundLeftovers(log);
    return async () => {};
  },
  routes: {
    "/webhooks/stripe": webhookRoute(env.WEBHOOK_SECRET, createLogger("payments", env.LOG_LEVEL)),
  },
  listening: ({ port, log }) => {
    setOwnWebhookUrl(`http://127.0.0.1:${port}/webhooks/stripe`);
    log.info({ mode: gateway().mode }, "payment gateway ready");
  },
};
