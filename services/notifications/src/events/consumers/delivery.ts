import type { Envelope, Subject } from "@tx/api-contracts";
import type { ConsumerOptions, Logger } from "@tx/service-kit";
import type { Mailer } from "../../mail/deliver";
import { onDeliveryDisputed } from "./delivery-disputed";
import { onDeliveryFailed } from "./delivery-failed";
import { onDeliveryReady } from "./delivery-ready";
import { onTransferRequested } from "./delivery-transfer-requested";
import { onTransferred } from "./delivery-transferred";

/**
 * One delivery email's consumer. Like every consumer it retries for as long as it takes (a
 * mail outage, a replica it reads not there yet): only a schema failure is dead-lettered.
 */
export function mailConsumer<S extends Subject>(
  subject: S,
  mailer: Mailer,
  send: (mailer: Mailer, event: Envelope<S>, log: Logger) => Promise<void>,
): ConsumerOptions<S> {
  return {
    subject,
    handle: (event, log) => send(mailer, event, log),
  };
}

/** The delivery emails (issue 21), one consumer per delivery.* subject that someone hears of. */
// biome-ignore lint/suspicious/noExplicitAny: consumers of different subjects, as startService takes them
export const deliveryConsumers = (mailer: Mailer): ConsumerOptions<any>[] => [
  mailConsumer("delivery.ready", mailer, onDeliveryReady),
  mailConsumer("delivery.transfer_requested", mailer, onTransferRequested),
  mailConsumer("delivery.transferred", mailer, onTransferred),
  mailConsumer("delivery.failed", mailer, onDeliveryFailed),
  mailConsumer("delivery.disputed", mailer, onDeliveryDisputed),
];
