import { ObjectIdString, OrderHistoryInput, type OrderPage } from "@tx/api-contracts";
import { type AuthedContext, cursorCodec } from "@tx/service-kit";
import { z } from "zod";
import { toOrder } from "../domain/order";
import { OrderModel } from "../models/order";

/** A history page's cursor: the last order's creation time and id. */
const { encode: encodeCursor, decode: decodeCursor } = cursorCodec(
  z.object({ at: z.iso.datetime(), id: ObjectIdString }),
);

/** The buyer's orders, newest first, a page at a time. */
export async function orderHistory(ctx: AuthedContext, raw: OrderHistoryInput): Promise<OrderPage> {
  const input = OrderHistoryInput.parse(raw);
  const filter: Record<string, unknown> = { userId: ctx.user.id };
  if (input.ticketId) filter.ticketId = input.ticketId;
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    const at = new Date(cursor.at);
    filter.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: cursor.id } }];
  }
  const docs = await OrderModel.find(filter)
    .sort({ createdAt: -1, _id: -1 })
    .limit(input.limit + 1)
    .lean();
  const items = docs.slice(0, input.limit);
  const last = items.at(-1);
  const nextCursor =
    docs.length > input.limit && last
      ? encodeCursor({ at: last.createdAt.toISOString(), id: last._id.toString() })
      : null;
  return { items: items.map(toOrder), nextCursor };
}
