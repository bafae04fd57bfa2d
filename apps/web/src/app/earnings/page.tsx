import { PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "@/auth/session";
import { Earnings } from "@/components/earnings";
// Rows of money lines, like the orders page's.
import { OrderHistorySkeleton } from "@/components/order-history";

export const metadata: Metadata = { title: "Earnings" };

export default async function EarningsPage() {
  await requireSession();
  return (
    <>
      <PageHeading
        title="Earnings"
        description="What your sales have earned: pending until the tickets are delivered and the event is over, then paid out by the daily payout run."
      />
      <Suspense fallback={<OrderHistorySkeleton />}>
        <Earnings />
      </Suspense>
    </>
  );
}
