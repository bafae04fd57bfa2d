import { OrderHistoryInput, type OrderPage } from "@tx/api-contracts";
import { type AuthedContext, DomainError } from "@tx/service-kit";
import { z } from "zod";
import { toOrder } from "../domain/order";
import { OrderModel } from "../models/order";

const Cursor = z.object({ at: z.iso.datetime(), id: z.string().regex(/^[a-f0-9]{24}$/) });

/** The buyer's orders, newest first, a page at a time. */
export async function orderHistory(ctx: AuthedContext, raw: OrderHistoryInput): Promise<OrderPage> {
  const input = OrderHistoryInput.parse(raw);
  const filter: Record<string, unknown> = { userId: ctx.user.id };
  if (input.cursor) {
    const parsed = Cursor.safeParse(
      (() => {
        try {
          return JSON.parse(Buffer.from(input.cursor, "base64url").toString("utf8"));
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) throw new DomainError("INVALID", "This page link is not valid any more.");
    const at = new Date(parsed.data.at);
    filter.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: parsed.data.id } }];
  }
  const docs = await OrderModel.find(filter)
    .sort({ createdAt: -1, _id: -1 })
    .limit(input.limit + 1)
    .lean();
  const items = docs.slice(0, input.limit);
  const last = items.at(-1);
  const nextCursor =
    docs.length > input.limit && last
      ? Buffer.from(
          JSON.stringify({ at: last.createdAt.toISOString(), id: last._id.toString() }),
        ).toString("base64url")
      : null;
  return { items: items.map(toOrder), nextCursor };
}
