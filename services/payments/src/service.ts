import { createLogger, remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { env } from "./env";
import { deliveryFailedConsumer } from "./events/consumers/delivery-failed";
import {
  orderCancelledConsumer,
  orderCompletedConsumer,
  orderCreatedConsumer,
  paymentSucceededConsumer,
} from "./events/consumers/order-events";
import { reservationRejectedConsumer } from "./events/consumers/reservation-rejected";
import { gateway, sandbox, setOwnWebhookUrl } from "./gateway/index";
import { PaymentModel } from "./models/payment";
import { paymentsReconciler } from "./reconcile/payments";
import { limits } from "./runtime";
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
    reservationRejectedConsumer,
    deliveryFailedConsumer,
  ],
  start: async () => {
    const stopLimits = limits.start();
    // Sandbox only: deliver the webhooks it stored, like Stripe would, until they land.
    const stopWebhooks = sandbox()?.webhooks.start();
    return async () => {
      await stopWebhooks?.();
      await stopLimits();
    };
  },
  // At start (in the background: one failing payment never stops the service) and on a schedule.
  reconcilers: [paymentsReconciler()],
  reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
  routes: {
    "/webhooks/stripe": webhookRoute(env.WEBHOOK_SECRET, createLogger("payments", env.LOG_LEVEL)),
  },
  listening: ({ port, log }) => {
    setOwnWebhookUrl(`http://127.0.0.1:${port}/webhooks/stripe`);
    log.info({ mode: gateway().mode }, "payment gateway ready");
  },
};
