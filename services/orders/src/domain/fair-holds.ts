import { formatWait } from "@tx/api-contracts";
import { DomainError, isDuplicateKey, tooManyRequests } from "@tx/service-kit";
import { cooldownKey, HoldCooldownModel } from "../models/hold-cooldown";
import { HoldSlotModel } from "../models/hold-slot";
import { type OrderDoc, OrderModel } from "../models/order";
import { cancelOrder } from "./transitions";

/** A slot taken longer ago than this with no order behind it was left by a crash. */
const ORPHAN_AFTER_MS = 60_000;

/**
 * A buyer's live holds are numbered slots `<userId>:<k>`, k below the cap. An order takes
 * one by inserting it (an insert either succeeds or collides, on MongoDB and FerretDB
 * alike), and gives it back when it stops awaiting payment. However many creates one buyer
 * sends at once, no more of them than there are slots get past this.
 */
export async function takeHoldSlot(
  userId: string,
  orderId: string,
  maxHolds: number,
): Promise<string> {
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < maxHolds; k++) {
      const slot = `${userId}:${k}`;
      try {
        await HoldSlotModel.create({ _id: slot, orderId, takenAt: new Date() });
        return slot;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    // Every slot is taken: free those whose order has ended (its release was lost) or
    // never came (a crash between the slot and the order), then look once more.
    if ((await reclaimStaleSlots(userId, maxHolds)) === 0) break;
  }
  throw holdCapReached(maxHolds);
}

async function reclaimStaleSlots(userId: string, maxHolds: number): Promise<number> {
  let freed = 0;
  for (let k = 0; k < maxHolds; k++) {
    const slot = await HoldSlotModel.findById(`${userId}:${k}`).lean();
    if (!slot) continue;
    const order = await OrderModel.findById(slot.orderId, { status: 1 }).lean();
    const stale = order
      ? order.status !== "awaiting_payment"
      : Date.now() - slot.takenAt.getTime() > ORPHAN_AFTER_MS;
    if (stale) {
      const { deletedCount } = await HoldSlotModel.deleteOne({
        _id: slot._id,
        orderId: slot.orderId,
      });
      freed += deletedCount;
    }
  }
  return freed;
}

/**
 * The order got its listing but the buyer has no free slot: it goes, unannounced (its
 * order.created never left the outbox). Should the outbox sweep have sent it meanwhile,
 * it is cancelled instead, like any order.
 */
export async function withdrawOrder(order: OrderDoc): Promise<void> {
  const { deletedCount } = await OrderModel.deleteOne({
    _id: order._id,
    "outbox.0": { $exists: true },
  });
  if (deletedCount === 0) {
    await cancelOrder(
      order,
      "user",
      "Refused: you were already holding the most listings allowed.",
    );
  }
}

/** Gives the order's slot back (it no longer awaits payment, or was never created). */
export async function releaseHoldSlot(order: Pick<OrderDoc, "_id" | "holdSlot">): Promise<void> {
  if (!order.holdSlot) return;
  await HoldSlotModel.deleteOne({ _id: order.holdSlot, orderId: order._id.toString() });
}

export function holdCapReached(maxHolds: number): DomainError {
  const holds = maxHolds === 1 ? "a listing" : `${maxHolds} listings`;
  return new DomainError(
    "CONFLICT",
    `You are already holding ${holds}, the most one buyer may hold at a time. Pay for or cancel a hold before starting another.`,
  );
}

/** Refuses a buyer whose own hold on this listing ended less than `cooldownSeconds` ago. */
export async function assertNoCooldown(
  userId: string,
  ticketId: string,
  cooldownSeconds: number,
): Promise<void> {
  const cooldown = await HoldCooldownModel.findById(cooldownKey(userId, ticketId)).lean();
  if (!cooldown) return;
  const left = cooldown.endedAt.getTime() + cooldownSeconds * 1000 - Date.now();
  if (left > 0) {
    throw tooManyRequests(
      `Your hold on this listing ended a moment ago; other buyers get a turn first (${formatWait(cooldownSeconds)}).`,
      left,
    );
  }
}

/** Starts the cooldown when a buyer's own hold ends: it lapsed, or they let it go. */
export async function startCooldown(order: Pick<OrderDoc, "userId" | "ticketId">): Promise<void> {
  await HoldCooldownModel.updateOne(
    { _id: cooldownKey(order.userId, order.ticketId) },
    { $set: { endedAt: new Date() } },
    { upsert: true },
  );
}
