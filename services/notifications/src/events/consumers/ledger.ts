import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { eventFacts } from "../../emails/event-rows";
import { payoutSentEmail } from "../../emails/payout-sent";
import { saleCreditedEmail } from "../../emails/sale-credited";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { OrderReplicaModel } from "../../models/order";
import { earningsUrl, sellerOf } from "../replicas";
import { mailConsumer } from "./delivery";

/** A sale was credited to its seller: tell them what they earn and when it is paid. */
export async function onSaleCredited(
  mailer: Mailer,
  event: Envelope<"ledger.credited">,
  log: Logger,
): Promise<void> {
  const { orderId, sellerId, price, fee, net } = event.data;
  const [order, seller] = await Promise.all([
    OrderReplicaModel.findById(orderId).lean(),
    sellerOf(sellerId),
  ]);
  if (!order) throw new RetryLater(`order ${orderId} not replicated yet`);
  const render = () =>
    saleCreditedEmail({
      name: seller.name,
      ...eventFacts(order),
      price,
      fee,
      net,
      earningsUrl: earningsUrl(mailer.webBaseUrl),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "sale-credited", to: seller.email, render },
    log,
  );
}

/** A payout was sent: tell the seller how much, for how many sales. */
export async function onPaidOut(
  mailer: Mailer,
  event: Envelope<"ledger.paid_out">,
  log: Logger,
): Promise<void> {
  const seller = await sellerOf(event.data.sellerId);
  const render = () =>
    payoutSentEmail({
      name: seller.name,
      amount: event.data.amount,
      sales: event.data.orderIds.length,
      reference: event.data.providerRef,
      sentAt: new Date(event.data.at),
      earningsUrl: earningsUrl(mailer.webBaseUrl),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "payout-sent", to: seller.email, render },
    log,
  );
}

/** The sellers' emails from the ledger's facts (issue 22). */
// biome-ignore lint/suspicious/noExplicitAny: consumers of different subjects, as startService takes them
export const ledgerConsumers = (mailer: Mailer): ConsumerOptions<any>[] => [
  mailConsumer("ledger.credited", mailer, onSaleCredited),
  mailConsumer("ledger.paid_out", mailer, onPaidOut),
];
