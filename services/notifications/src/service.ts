import {
  registerReadinessCheck,
  remoteTokenVerifier,
  type ServiceDefinition,
} from "@tx/service-kit";
import { env, mailTransport } from "./env";
import { accountEmailConsumers } from "./events/consumers/account-emails";
import { deliveryConsumers } from "./events/consumers/delivery";
import { ledgerConsumers } from "./events/consumers/ledger";
import { orderCreatedConsumer } from "./events/consumers/order-created";
import { paymentRefundedConsumer } from "./events/consumers/payment-refunded";
import { paymentSucceededConsumer } from "./events/consumers/payment-succeeded";
import { ticketSearchMatchedConsumer } from "./events/consumers/ticket-search-matched";
import { userRegisteredConsumer } from "./events/consumers/user-registered";
import { createMailTransport } from "./mail/transport";
import { notificationsRouter } from "./trpc/router";

const transport = createMailTransport(mailTransport);
registerReadinessCheck({ name: transport.kind, check: transport.verify });
const mailer = { transport, webBaseUrl: env.WEB_BASE_URL };

/** The notifications service as main.ts starts it. */
export const service: ServiceDefinition = {
  name: "notifications",
  env,
  router: notificationsRouter,
  authenticate: (log) => remoteTokenVerifier(env, log),
  start: async ({ log }) => {
    log.info({ transport: transport.kind }, "mail transport ready");
    return transport.close;
  },
  consumers: [
    userRegisteredConsumer(mailer),
    orderCreatedConsumer,
    paymentSucceededConsumer(mailer),
    paymentRefundedConsumer(mailer),
    ...accountEmailConsumers({ ...mailer, linkSecret: env.EMAIL_LINK_SECRET }),
    ...deliveryConsumers(mailer),
    ticketSearchMatchedConsumer(mailer),
    ...ledgerConsumers(mailer),
  ],
};
