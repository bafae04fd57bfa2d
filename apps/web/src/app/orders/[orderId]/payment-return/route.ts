import { ObjectIdString } from "@tx/api-contracts";
import { notFound, redirect } from "next/navigation";
import { requireSession } from "@/auth/session";
import { syncPayment } from "@/payments/sync";

type Params = { params: Promise<{ orderId: string }> };

/**
 * Where the buyer lands after paying (the checkout, and Stripe's return_url): the payment is
 * synced with the provider once, the buyer may be back before its webhook, then the
 * confirmation page shows the outcome. The page itself only reads.
 */
export async function GET(_req: Request, { params }: Params): Promise<never> {
  await requireSession();
  const { orderId } = await params;
  if (!ObjectIdString.safeParse(orderId).success) notFound();
  // The confirmation page reads whatever state there is; it reports a service that is down.
  await syncPayment(orderId).catch(() => null);
  redirect(`/orders/${orderId}/confirmation`);
}
