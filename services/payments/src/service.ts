import { createLogger, remoteTokenVerifier, type ServiceDefinition } from "@tx/service-kit";
import { env } from "./env";
import { deliveryConfirmedConsumer } from "./events/consumers/delivery-confirmed";
import { deliveryFailedConsumer } from "./events/consumers/delivery-failed";
import {
  orderCancelledConsumer,
  orderCompletedConsumer,
  orderCreatedConsumer,
  paymentSucceededConsumer,
} from "./events/consumers/order-events";
import { paymentRefundedConsumer } from "./events/consumers/payment-refunded";
import { reservationRejectedConsumer } from "./events/consumers/reservation-rejected";
import {
  deliveryReadyConsumer,
  deliveryTransferRequestedConsumer,
} from "./events/consumers/sale-delivery";
import { gateway, sandbox, setOwnWebhookUrl } from "./gateway/index";
import { LedgerEntryModel } from "./models/ledger-entry";
import { PaymentModel } from "./models/payment";
import { startPayoutSchedule } from "./payouts/schedule";
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
  outboxModels: [PaymentModel, LedgerEntryModel],
  consumers: [
    orderCreatedConsumer,
    orderCancelledConsumer,
    orderCompletedConsumer,
    paymentSucceededConsumer,
    reservationRejectedConsumer,
    deliveryFailedConsumer,
    // Issue 22: the sellers' ledger.
    deliveryReadyConsumer,
    deliveryTransferRequestedConsumer,
    deliveryConfirmedConsumer,
    paymentRefundedConsumer,
  ],
  start: async ({ log }) => {
    const stopLimits = limits.start();
    // Sandbox only: deliver the webhooks it stored, like Stripe would, until they land.
    const stopWebhooks = sandbox()?.webhooks.start();
    // Issue 22: the payout run's schedule (BullMQ).
    const payouts = await startPayoutSchedule(
      env.REDIS_URL,
      { cron: env.PAYOUT_CRON, tz: env.PAYOUT_TZ },
      log,
    );
    return async () => {
      await payouts.stop();
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
