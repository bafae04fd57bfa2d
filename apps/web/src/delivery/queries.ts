import "server-only";
import { cache } from "react";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";

/**
 * The order's delivery, for its buyer; null until tickets has heard of the sale (its
 * replica of the order may lag a moment behind the orders service).
 */
export const getOrderDelivery = cache(async (orderId: string) => {
  try {
    return await (await serverApi()).tickets.delivery.forOrder.query({ orderId });
  } catch (err) {
    if (serviceError(err)?.code === "NOT_FOUND") return null;
    throw err;
  }
});
