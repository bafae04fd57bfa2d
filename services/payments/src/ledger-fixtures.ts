import { randomBytes } from "node:crypto";
import type { Currency } from "@tx/api-contracts";
import { sandbox } from "./gateway/index";
import { OrderReplicaModel } from "./models/order-replica";
import { PaymentModel } from "./models/payment";

/** For tests: a 24-hex id. */
export const oid = () => randomBytes(12).toString("hex");

/**
 * For tests: a sold order as payments knows it once its buyer paid through the sandbox
 * gateway (a real intent, so a refund goes through it): replicated complete, payment succeeded.
 */
export async function paidOrder(
  price: number,
  currency: Currency,
  eventDate: Date,
  /** `processing`: the money landed at the provider, not yet recorded here. */
  recorded: "succeeded" | "processing" = "succeeded",
) {
  const gateway = sandbox();
  if (!gateway) throw new Error("the tests run on the sandbox gateway");
  const orderId = oid();
  const intent = await gateway.createIntent({
    orderId,
    amount: price,
    currency,
    idempotencyKey: `order-${orderId}`,
    description: "Ledger test",
  });
  await gateway.confirm(
    intent.id,
    { number: "4242424242424242", expiry: "12 / 40", cvc: "123" },
    {
      name: "Bea Buyer",
      line1: "1 High St",
      line2: undefined,
      city: "London",
      state: undefined,
      postalCode: "N1 1AA",
      country: "GB",
    },
  );
  const userId = oid();
  await OrderReplicaModel.create({
    _id: orderId,
    userId,
    ticketId: oid(),
    title: "Ledger test",
    amount: price,
    currency,
    status: "complete",
    expiresAt: new Date(),
    eventDate,
    version: 1,
  });
  await PaymentModel.create({
    _id: orderId,
    orderId,
    userId,
    intentId: intent.id,
    mode: "sandbox",
    amount: price,
    currency,
    status: recorded,
  });
  return orderId;
}
