"use server";

import { ObjectIdString, ReportProblemInput, ReportTransferInput } from "@tx/api-contracts";
import { revalidatePath } from "next/cache";
import { UNAVAILABLE } from "@/forms/form-errors";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";

export type DeliveryActionState = { message: string | null; fieldError: string | null };

const refused = (message: string): DeliveryActionState => ({ message, fieldError: null });
const done: DeliveryActionState = { message: null, fieldError: null };

/** The seller reports the transfer with its reference; My listings then shows it reported. */
export async function reportTransfer(
  ticketId: string,
  _previous: DeliveryActionState,
  form: FormData,
): Promise<DeliveryActionState> {
  const input = ReportTransferInput.safeParse({ ticketId, reference: form.get("reference") });
  if (!input.success) {
    return { message: null, fieldError: input.error.issues[0]?.message ?? "Check the reference." };
  }
  try {
    await (await serverApi()).tickets.delivery.reportTransfer.mutate(input.data);
  } catch (err) {
    return refused(serviceError(err)?.message ?? UNAVAILABLE);
  }
  revalidatePath("/my-listings");
  return done;
}

/** The buyer has the transferred tickets. */
export async function confirmReceipt(orderId: unknown): Promise<{ message: string | null }> {
  const id = ObjectIdString.safeParse(orderId);
  if (!id.success) return { message: "This order does not exist." };
  try {
    await (await serverApi()).tickets.delivery.confirm.mutate({ orderId: id.data });
  } catch (err) {
    return { message: serviceError(err)?.message ?? UNAVAILABLE };
  }
  revalidatePath(`/orders/${id.data}`);
  return { message: null };
}

/** The buyer says what went wrong with the tickets. */
export async function reportProblem(
  orderId: string,
  _previous: DeliveryActionState,
  form: FormData,
): Promise<DeliveryActionState> {
  const input = ReportProblemInput.safeParse({ orderId, problem: form.get("problem") });
  if (!input.success) {
    return { message: null, fieldError: input.error.issues[0]?.message ?? "Say what went wrong." };
  }
  try {
    await (await serverApi()).tickets.delivery.reportProblem.mutate(input.data);
  } catch (err) {
    return refused(serviceError(err)?.message ?? UNAVAILABLE);
  }
  revalidatePath(`/orders/${orderId}`);
  return done;
}
