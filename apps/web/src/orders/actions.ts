"use server";

import { ObjectIdString } from "@tx/api-contracts";
import { revalidatePath } from "next/cache";
import { UNAVAILABLE } from "@/forms/form-errors";
import { syncPayment } from "@/payments/sync";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";

export type CancelState = { message: string | null };

/** Cancels the buyer's order while it awaits payment; the page then shows it cancelled. */
export async function cancelOrder(orderId: unknown): Promise<CancelState> {
  const id = ObjectIdString.safeParse(orderId);
  if (!id.success) return { message: "This order does not exist." };
  try {
    await (await serverApi()).orders.cancel.mutate({ orderId: id.data });
  } catch (err) {
    return { message: serviceError(err)?.message ?? UNAVAILABLE };
  }
  revalidatePath(`/orders/${id.data}`);
  revalidatePath("/orders");
  return { message: null };
}

/**
 * While the confirmation page waits for the order to complete, each of its (bounded) refreshes
 * asks the provider again first, as a mutation of its own, not while the page renders.
 */
export async function syncPaymentAgain(orderId: unknown): Promise<void> {
  const id = ObjectIdString.safeParse(orderId);
  if (id.success) await syncPayment(id.data).catch(() => null);
}
