import type { ConsumerOptions } from "@tx/service-kit";
import type { Mailer } from "../../mail/deliver";
import { deliveryDisputedConsumer } from "./delivery-disputed";
import { deliveryFailedConsumer } from "./delivery-failed";
import { deliveryReadyConsumer } from "./delivery-ready";
import { transferRequestedConsumer } from "./delivery-transfer-requested";
import { transferredConsumer } from "./delivery-transferred";

/** The delivery emails (issue 21), one consumer per delivery.* subject that someone hears of. */
// biome-ignore lint/suspicious/noExplicitAny: consumers of different subjects, as startService takes them
export const deliveryConsumers = (mailer: Mailer): ConsumerOptions<any>[] => [
  deliveryReadyConsumer(mailer),
  transferRequestedConsumer(mailer),
  transferredConsumer(mailer),
  deliveryFailedConsumer(mailer),
  deliveryDisputedConsumer(mailer),
];
